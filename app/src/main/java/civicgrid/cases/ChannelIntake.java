package civicgrid.cases;

import civicgrid.cases.app.CaseAttachments;
import civicgrid.cases.app.CaseViews;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.cases.domain.Actor;
import civicgrid.cases.domain.CaseCommand;
import civicgrid.cases.domain.CaseFile;
import civicgrid.cases.persistence.CaseRepository;
import civicgrid.geo.GeoApi;
import civicgrid.identity.Role;
import civicgrid.identity.TerritorialScope;
import civicgrid.platform.CivicGridException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The closed loop as intake channels use it: reports from sources that are not signed-in users
 * (an Open311 client, a citizen's phone, a hotline order, a camera), the public status of a case,
 * and the reporter's rating. The channel module has already authenticated the source.
 */
@Service
public class ChannelIntake {

    private final CaseWorkflow workflow;
    private final CaseViews views;
    private final CaseRepository cases;
    private final CaseAttachments attachments;
    private final Clock clock;

    ChannelIntake(CaseWorkflow workflow, CaseViews views, CaseRepository cases, CaseAttachments attachments, Clock clock) {
        this.workflow = workflow;
        this.views = views;
        this.cases = cases;
        this.attachments = attachments;
        this.clock = clock;
    }

    /**
     * Who reports through a channel.
     *
     * @param reporter stable id of the reporter, prefixed by its channel ({@code open311:…}, {@code device:…},
     *        {@code 12345:…}, {@code camera:…}), or a citizen's user name; at most 60 characters
     * @param verified the source vouches for the report: it is registered on intake
     */
    public record Source(String reporter, Channel channel, boolean verified) {
        public Source {
            if (reporter == null || reporter.isBlank() || reporter.length() > 60 || channel == null) {
                throw new IllegalArgumentException("a source needs a reporter id of 1 to 60 characters and a channel");
            }
        }
    }

    /** What became of a report: a new case, or an open one of the same problem it joined. */
    public record Outcome(CaseView caseView, boolean created, boolean joined) {
    }

    /**
     * Files a report; when {@code joinDuplicates} and an open case of the same category was reported
     * within 250 m in the last 24 hours, the report joins the nearest such case instead (its reporter
     * is linked), so a problem seen by a camera, a citizen and the hotline is one case.
     */
    public Outcome report(NewReport report, Source source, boolean joinDuplicates) {
        GeoApi.requireValidCoordinates(report.lon(), report.lat());
        if (joinDuplicates) {
            Optional<CaseFile> same = nearestOpen(report.categoryCode(), report.lon(), report.lat());
            if (same.isPresent()) {
                CaseFile joined = workflow.join(same.get().id(), actor(source.reporter()), source.channel(),
                        "the same problem reported again via " + source.channel());
                return new Outcome(view(joined), false, true);
            }
        }
        CaseWorkflow.Reported reported = workflow.report(report, actor(source.reporter()), null, source.verified());
        return new Outcome(view(reported.file()), true, false);
    }

    /** How far a resident's "me too" may be from the case they point at: the case's own place, as shown on their map. */
    public static final double ALSO_SEEN_METERS = 50;

    /**
     * A resident says "I see it too" of an open case they were shown: the report joins the nearest open
     * case of its category within {@value #ALSO_SEEN_METERS} m of the point, however old (the automatic
     * rule only looks back 24 hours); with none there, it is filed like any report.
     */
    public Outcome alsoSeen(NewReport report, Source source) {
        GeoApi.requireValidCoordinates(report.lon(), report.lat());
        Optional<CaseFile> same = cases.openWithin(report.categoryCode(), Instant.EPOCH, report.lon(), report.lat(), ALSO_SEEN_METERS)
                .stream().min(Comparator.comparingDouble(CaseRepository.Nearby::meters)).map(CaseRepository.Nearby::file);
        if (same.isPresent()) {
            CaseFile joined = workflow.join(same.get().id(), actor(source.reporter()), source.channel(),
                    "the same problem seen again via " + source.channel());
            return new Outcome(view(joined), false, true);
        }
        return report(report, source, true);
    }

    /** An open case near a point and how far it is. */
    public record NearbyCase(CaseView caseView, double meters) {
    }

    /** Open cases within {@code meters} of a point, nearest first: what a resident may add to instead of reporting again. */
    public List<NearbyCase> openNear(double lon, double lat, double meters, int limit) {
        GeoApi.requireValidCoordinates(lon, lat);
        return cases.openNear(lon, lat, meters, limit).stream().map(n -> new NearbyCase(view(n.file()), n.meters())).toList();
    }

    public Optional<CaseView> status(CaseId id) {
        return cases.find(id).map(this::view);
    }

    public Optional<CaseView> statusByNumber(String number) {
        return cases.findByNumber(number).map(this::view);
    }

    /** Public listing: cases reported in [from, to), newest first, optionally by numbers, categories and open/closed. */
    public List<CaseView> listing(Instant from, Instant to, List<String> numbers, List<String> categories, Boolean open, int limit) {
        return cases.reportedBetween(from, to, numbers, categories, open, limit).stream().map(this::view).toList();
    }

    /** The case's steps (action, states, reason, time, actor) for a channel that must report back, e.g. the hotline's result. */
    public List<java.util.Map<String, Object>> history(CaseId id) {
        return cases.history(id);
    }

    public Attachment attach(CaseId id, String filename, byte[] content, String reporter) {
        return attachments.add(id, filename, content, reporter);
    }

    public int attachmentCount(CaseId id) {
        return attachments.list(id).size();
    }

    /** The reporter rates the outcome of their closed case (1 to 5). */
    public CaseView rate(CaseId id, String reporter, int rating, String comment) {
        CaseFile after = workflow.act(id, current -> CaseCommand.of(CaseAction.EVALUATE, comment == null || comment.isBlank()
                ? "rated " + rating + " by the reporter" : comment.strip()).withRating(rating), actor(reporter), null);
        return view(after);
    }

    private Optional<CaseFile> nearestOpen(String category, double lon, double lat) {
        return cases.openWithin(category, clock.instant().minus(CasesApi.DUPLICATE_WINDOW), lon, lat, CasesApi.DUPLICATE_METERS).stream()
                .min(Comparator.comparingDouble(CaseRepository.Nearby::meters)).map(CaseRepository.Nearby::file);
    }

    private CaseView view(CaseFile file) {
        return views.view(file, null, List.of(), null);
    }

    /** A channel reporter acts like a resident: it may report and rate its own case, nothing else. */
    private static Actor actor(String reporter) {
        if (reporter == null) {
            throw CivicGridException.badRequest("REPORTER_REQUIRED", "A report needs its reporter.");
        }
        return new Actor(reporter, Role.CITIZEN, TerritorialScope.of(TerritorialScope.CITY_CODE), null);
    }
}
