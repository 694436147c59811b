package civicgrid.cases.app;

import civicgrid.audit.AuditApi;
import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseChanged;
import civicgrid.cases.CaseId;
import civicgrid.cases.CaseState;
import civicgrid.cases.CasesProperties;
import civicgrid.cases.Channel;
import civicgrid.cases.NewReport;
import civicgrid.cases.deadline.CaseTimers;
import civicgrid.cases.domain.Actor;
import civicgrid.cases.domain.CaseCommand;
import civicgrid.cases.domain.CaseEvent;
import civicgrid.cases.domain.CaseFile;
import civicgrid.cases.domain.CaseLocation;
import civicgrid.cases.domain.CaseRuleViolation;
import civicgrid.cases.persistence.CaseRepository;
import civicgrid.cases.persistence.RoutingRules;
import civicgrid.cases.routing.RoutingPolicy;
import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Category;
import civicgrid.geo.GeoApi;
import civicgrid.geo.Location;
import civicgrid.platform.CivicGridException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the loop: turns reports into cases, applies actions, dispatches automatically where routing
 * is certain, and stores each change with its history, audit entries, timers and published event
 * in one transaction — all or nothing.
 */
@Service
public class CaseWorkflow {

    private final CaseRepository cases;
    private final RoutingRules routingRules;
    private final CatalogApi catalog;
    private final GeoApi geo;
    private final AuditApi audit;
    private final CaseTimers timers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CasesProperties properties;

    CaseWorkflow(CaseRepository cases, RoutingRules routingRules, CatalogApi catalog, GeoApi geo, AuditApi audit, CaseTimers timers,
                 ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, CasesProperties properties) {
        this.cases = cases;
        this.routingRules = routingRules;
        this.catalog = catalog;
        this.geo = geo;
        this.audit = audit;
        this.timers = timers;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** The outcome of a report: the case, and whether this call created it (false: an idempotent replay). */
    public record Reported(CaseFile file, boolean created) {
    }

    public Reported report(NewReport report, Actor actor, String idempotencyKey) {
        return report(report, actor, idempotencyKey, false);
    }

    /**
     * @param verifiedBySource the source itself vouches for the report (a camera algorithm with
     *        proven precision): registered on intake like a trusted channel's orders
     */
    public Reported report(NewReport report, Actor actor, String idempotencyKey, boolean verifiedBySource) {
        Category category = catalog.requireActiveCategory(report.categoryCode());
        if (report.description() == null || report.description().isBlank() || report.description().length() > 2000) {
            throw CivicGridException.badRequest("INVALID_DESCRIPTION", "Describe the problem in 1 to 2,000 characters.");
        }
        if (report.channel() == null) {
            throw CivicGridException.badRequest("CHANNEL_REQUIRED", "Say which channel the report came from.");
        }
        Location where = locate(report);
        CaseLocation location = new CaseLocation(report.lon(), report.lat(), where.grid().code(), where.community().code(),
                where.street().code(), where.district().code(), where.roadSegment() == null ? null : where.roadSegment().code());
        if (idempotencyKey != null) {
            var existing = cases.caseForKey(actor.username(), idempotencyKey);
            if (existing.isPresent()) {
                return new Reported(load(existing.get()), false);
            }
        }
        try {
            return tx.execute(status -> {
                Instant now = clock.instant();
                CaseId id = CaseId.random();
                if (idempotencyKey != null && !cases.claimKey(actor.username(), idempotencyKey, id, now)) {
                    throw new DuplicateKey();
                }
                boolean trusted = verifiedBySource || properties.autoRegisterChannels().contains(report.channel());
                CaseFile.Context context = new CaseFile.Context(catalog.deadlines(), catalog.stageLimits(), category);
                CaseFile file = CaseFile.report(id, cases.nextNumber(now), report.channel(), category, report.description().strip(),
                        report.urgent(), location, actor, now, context, trusted);
                if (trusted) {
                    // verified and accepted by the channel's own operators: register at once, dispatch if routing is certain
                    apply(file, CaseCommand.of(CaseAction.REGISTER, "registered on intake from " + report.channel()), Actor.SYSTEM,
                            now, context);
                    dispatchIfCertain(file, now, context);
                }
                cases.insert(file, now);
                if (file.reporter() != null) {
                    cases.linkReporter(id, file.reporter(), report.channel().name(), now);
                }
                afterChange(file, now, 0);
                return new Reported(file, true);
            });
        } catch (DuplicateKey raced) {
            // a concurrent request with the same key won: answer with its case
            return new Reported(load(cases.caseForKey(actor.username(), idempotencyKey).orElseThrow()), false);
        }
    }

    /** Where the report is: the channel's answer when it located this very point already, else the locator's. */
    private Location locate(NewReport report) {
        Location known = report.where();
        if (known != null && known.lon() == report.lon() && known.lat() == report.lat()) {
            return known;
        }
        return geo.locate(report.lon(), report.lat()).orElseThrow(() -> CivicGridException.badRequest(
                "LOCATION_OUTSIDE_CITY", "The point lon=" + report.lon() + ", lat=" + report.lat() + " is outside the city."));
    }

    /** Raised inside the transaction when another request holds the same idempotency key. */
    private static final class DuplicateKey extends RuntimeException {
        DuplicateKey() {
            super(null, null, false, false);
        }
    }

    public CaseFile act(CaseId id, CaseCommand command, Actor actor, Long expectedVersion) {
        return act(id, file -> command, actor, expectedVersion);
    }

    /**
     * Applies the command built from the case as read in this transaction (departments and
     * extensions depend on where the case is and on its current clock), so the case is read once.
     */
    public CaseFile act(CaseId id, java.util.function.Function<CaseFile, CaseCommand> commandFor, Actor actor,
                        Long expectedVersion) {
        try {
            return tx.execute(status -> {
                CaseFile file = load(id);
                CaseCommand command = commandFor.apply(file);
                if (expectedVersion != null && expectedVersion != file.version()) {
                    throw CivicGridException.conflict("STALE_VERSION", "The case changed since you saw it (version "
                            + expectedVersion + ", now " + file.version() + "); reload it.");
                }
                Instant now = clock.instant();
                int stageBefore = file.clock() == null ? 0 : file.clock().seq();
                CaseFile.Context context = context(file);
                apply(file, command, actor, now, context);
                if (command.action() == CaseAction.MERGE) {
                    mergeReporters(file, command.mergeInto(), actor, now);
                }
                if (file.state() == CaseState.REGISTERED && command.action() == CaseAction.REGISTER) {
                    dispatchIfCertain(file, now, context);
                }
                cases.update(file, now);
                afterChange(file, now, stageBefore);
                return file;
            });
        } catch (OptimisticLockingFailureException concurrent) {
            throw CivicGridException.conflict("CONCURRENT_MODIFICATION",
                    "Someone else acted on this case at the same moment; reload it and try again.");
        }
    }

    /** A stage timer fired: raise the light if still due; stale or repeated firings change nothing. */
    public void timer(CaseId id, int seq, CaseAction light) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                tx.executeWithoutResult(status -> {
                    CaseFile file = cases.find(id).orElse(null);
                    Instant now = clock.instant();
                    if (file != null && file.onTimer(light, seq, now)) {
                        cases.update(file, now);
                        afterChange(file, now, seq);
                        if (light == CaseAction.WARN) {
                            timers.scheduleNextLight(file);
                        }
                    }
                });
                return;
            } catch (OptimisticLockingFailureException concurrent) {
                // somebody acted on the case meanwhile: read it again and decide again
            }
        }
    }

    public CaseFile load(CaseId id) {
        return cases.find(id).orElseThrow(() -> CivicGridException.notFound("CASE_NOT_FOUND", "No case " + id + "."));
    }

    public CaseFile.Context context(CaseFile file) {
        Category category = catalog.category(file.categoryCode(), file.categoryVersion()).orElseThrow();
        return new CaseFile.Context(catalog.deadlines(), catalog.stageLimits(), category);
    }

    public RoutingPolicy.Decision routing(CaseFile file) {
        return routing(file, catalog.category(file.categoryCode(), file.categoryVersion()).orElseThrow());
    }

    private RoutingPolicy.Decision routing(CaseFile file, Category category) {
        java.time.LocalTime now = clock.instant().atZone(civicgrid.catalog.WorkCalendar.CHINA).toLocalTime();
        return new RoutingPolicy(routingRules.all(), catalog::department).decide(category, file.location(), now);
    }

    private void apply(CaseFile file, CaseCommand command, Actor actor, Instant now, CaseFile.Context context) {
        try {
            file.apply(command, actor, now, context);
        } catch (CaseRuleViolation refused) {
            HttpStatus status = switch (refused.kind()) {
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case CONFLICT -> HttpStatus.CONFLICT;
                case INVALID -> HttpStatus.BAD_REQUEST;
            };
            throw new CivicGridException(status, refused.code(), refused.getMessage());
        }
    }

    /** One-click forwarding without the click: a registered case whose routing is certain goes out at once. */
    private void dispatchIfCertain(CaseFile file, Instant now, CaseFile.Context context) {
        RoutingPolicy.Decision decision = routing(file, context.category());
        if (decision.automatic()) {
            apply(file, CaseCommand.of(CaseAction.DISPATCH, "automatic dispatch: " + decision.why()).withTarget(decision.target()),
                    Actor.SYSTEM, now, context);
        }
    }

    private void mergeReporters(CaseFile merged, CaseId into, Actor actor, Instant now) {
        CaseFile target = cases.find(into).orElseThrow(() -> CivicGridException.badRequest("MERGE_TARGET_INVALID",
                "No case " + into + " to merge into."));
        if (!target.state().open() || !actor.scope().includes(target.location().gridCode())) {
            throw CivicGridException.badRequest("MERGE_TARGET_INVALID", "Merge into an open case of your territory.");
        }
        for (String reporter : cases.reporters(merged.id())) {
            cases.linkReporter(into, reporter, merged.channel().name(), now);
        }
        audit.record("CASE_MERGED_INTO", "CASE", into.toString(), "duplicate " + merged.number(), Map.of("duplicate", merged.id().toString()));
    }

    /**
     * Another channel reported the same open problem: its reporter is linked to the case, and the
     * join is a change like any other (history, audit, the published {@link CaseChanged}).
     */
    public CaseFile join(CaseId id, Actor reporter, Channel channel, String why) {
        try {
            return tx.execute(status -> {
                CaseFile file = load(id);
                Instant now = clock.instant();
                int stage = file.clock() == null ? 0 : file.clock().seq();
                try {
                    file.joinedBy(reporter, channel, why, now);
                } catch (CaseRuleViolation refused) {
                    throw CivicGridException.conflict(refused.code(), refused.getMessage());
                }
                cases.update(file, now);
                cases.linkReporter(id, reporter.username(), channel.name(), now);
                afterChange(file, now, stage);
                return file;
            });
        } catch (OptimisticLockingFailureException concurrent) {
            throw CivicGridException.conflict("CONCURRENT_MODIFICATION",
                    "Someone else acted on this case at the same moment; try again.");
        }
    }

    /**
     * History and audit of every step the case just took, its timer, and one published event for
     * the transaction (from the first step's state to the last one's).
     */
    private void afterChange(CaseFile file, Instant now, int stageBefore) {
        List<CaseEvent> recorded = file.drainEvents();
        if (recorded.isEmpty()) {
            return;
        }
        cases.appendEvents(file.id(), recorded, stageBefore == 0 && recorded.get(0).action() == CaseAction.REPORT);
        List<AuditApi.Record> entries = new java.util.ArrayList<>(recorded.size());
        for (CaseEvent e : recorded) {
            Map<String, Object> details = new LinkedHashMap<>(e.details());
            details.put("number", file.number());
            details.put("to", e.to().name());
            entries.add(new AuditApi.Record(e.actor(), "CASE_" + e.action().name(), "CASE", file.id().toString(), e.reason(), details));
        }
        audit.recordAll(entries);
        CaseEvent first = recorded.get(0);
        CaseEvent last = recorded.get(recorded.size() - 1);
        events.publishEvent(new CaseChanged(file.id(), file.number(), last.action(), first.from(), last.to(),
                file.location().districtCode(), file.location().streetCode(), file.location().gridCode(), file.urgent(),
                file.clock() != null && file.clock().overdue(), last.at(), file.location().roadSegmentCode()));
        timers.scheduleStage(file, stageBefore);
    }
}
