package civicgrid.intake.open311;

import civicgrid.cases.CaseId;
import civicgrid.cases.CaseView;
import civicgrid.cases.Channel;
import civicgrid.cases.ChannelIntake;
import civicgrid.cases.NewReport;
import civicgrid.catalog.Category;
import civicgrid.intake.persistence.Open311Requests;
import civicgrid.platform.photos.PhotoScrubber;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A posted request becomes a case (or joins the open case of the same problem nearby) and answers
 * with the case number once the case is registered, with a token before. Its {@code media} photo is
 * stripped like a snap-and-report photo (only when and where it was taken are kept) before it is stored.
 */
@Service
class Open311Submissions {

    private final ChannelIntake intake;
    private final Open311Jurisdiction jurisdiction;
    private final Open311ApiKeys apiKeys;
    private final Open311Locations locations;
    private final Open311Requests requests;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PhotoScrubber scrubber = new PhotoScrubber();

    Open311Submissions(ChannelIntake intake, Open311Jurisdiction jurisdiction, Open311ApiKeys apiKeys, Open311Locations locations,
                       Open311Requests requests, TransactionTemplate tx, Clock clock) {
        this.intake = intake;
        this.jurisdiction = jurisdiction;
        this.apiKeys = apiKeys;
        this.locations = locations;
        this.requests = requests;
        this.tx = tx;
        this.clock = clock;
    }

    List<Map<String, Object>> post(Open311PostForm form) {
        jurisdiction.check(form.one("jurisdiction_id"));
        String client = apiKeys.client(form.one("api_key"));
        Category category = jurisdiction.service(form.serviceCode());
        double[] where = locations.locate(form);
        String description = form.description();
        String mediaUrl = form.mediaUrl();
        Map<String, String> attributes = form.attributes();
        boolean urgent = "yes".equals(attributes.get("URGENT"));
        form.checkContactLengths();
        byte[] photo = form.hasMedia() ? scrubbed(form.mediaBytes()) : null;
        String text = description == null ? category.nameZh() : description;
        if (attributes.containsKey("LANDMARK")) {
            text = text + "（附近：" + attributes.get("LANDMARK") + "）";
        }
        String caseText = text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
        String reporter = "open311:" + Open311ApiKeys.shortHash(client + "|" + form.reporterKey());
        UUID token = UUID.randomUUID();
        Instant now = clock.instant();
        ChannelIntake.Outcome outcome = tx.execute(status -> {
            ChannelIntake.Outcome o = intake.report(new NewReport(category.code(), caseText, where[0], where[1], urgent, Channel.OPEN311),
                    new ChannelIntake.Source(reporter, Channel.OPEN311, false), true);
            CaseId id = CaseId.parse(o.caseView().id());
            if (photo != null) {
                intake.attach(id, form.media().getOriginalFilename(), photo, reporter);
            }
            requests.add(new Open311Requests.Posted(token, id.value(), client, form.one("account_id"), form.one("device_id"),
                    form.one("email"), form.one("phone"), form.one("first_name"), form.one("last_name"), mediaUrl,
                    attributes.isEmpty() ? null : attributes.toString(), now));
            return o;
        });
        CaseView view = outcome.caseView();
        Map<String, Object> answer = new LinkedHashMap<>();
        if (Open311Rendering.registered(view)) {
            answer.put("service_request_id", view.number());
        } else {
            answer.put("token", token.toString());
        }
        answer.put("service_notice", Open311Rendering.notice(view, outcome.joined()));
        answer.put("account_id", form.one("account_id"));
        return List.of(answer);
    }

    /** The photo without camera, owner and software tags (JPEG and PNG; anything else is refused). */
    private byte[] scrubbed(byte[] media) {
        try {
            return scrubber.scrub(media).content();
        } catch (PhotoScrubber.UnreadablePhoto e) {
            throw Open311Exception.badRequest("UNSUPPORTED_FILE_TYPE: " + e.getMessage());
        }
    }
}
