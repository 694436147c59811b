package civicgrid.intake.hotline;

import civicgrid.cases.CaseChanged;
import civicgrid.cases.CaseId;
import civicgrid.cases.CaseState;
import civicgrid.cases.CaseView;
import civicgrid.cases.ChannelIntake;
import civicgrid.catalog.CatalogApi;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the hotline its orders' results. When a case ends (closed, or refused as invalid) every order
 * behind it owes a result, marked in the case's own transaction; a recurring task (one node at a time)
 * posts the owed results and retries failures with a growing delay, so none is lost to a restart or a
 * hotline outage. A merged case hands its orders to the case it was merged into.
 */
@Configuration(proxyBeanMethods = false)
class HotlineCallbacks {

    private static final Logger log = LoggerFactory.getLogger(HotlineCallbacks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<CaseState> ENDS = Set.of(CaseState.CLOSED, CaseState.INVALID);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final HotlineStore store;
    private final ChannelIntake intake;
    private final CatalogApi catalog;
    private final HotlineProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HotlineCallbacks(HotlineStore store, ChannelIntake intake, CatalogApi catalog, HotlineProperties properties, Clock clock) {
        this.store = store;
        this.intake = intake;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void onCaseChanged(CaseChanged change) {
        if (ENDS.contains(change.to())) {
            store.owe(change.caseId().value(), change.at());
        } else if (change.to() == CaseState.MERGED) {
            intake.status(change.caseId()).map(CaseView::mergedInto).filter(target -> target != null)
                    .ifPresent(target -> store.moveOrders(change.caseId().value(), java.util.UUID.fromString(target)));
        }
    }

    @Bean
    RecurringTask<Void> hotlineCallbackTask() {
        return Tasks.recurring("hotline-callbacks", FixedDelay.of(properties.callbackInterval()))
                .execute((instance, context) -> sendOwed());
    }

    /** Posts the owed results; returns how many went through. */
    int sendOwed() {
        if (properties.callbackUrl() == null) {
            return 0;
        }
        int sent = 0;
        for (HotlineStore.Owed owed : store.owed(clock.instant(), 100)) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.callbackUrl())).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(result(owed))));
                if (properties.callbackToken() != null && !properties.callbackToken().isBlank()) {
                    request.header("Authorization", "Bearer " + properties.callbackToken());
                }
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    store.sent(owed.orderNo(), clock.instant());
                    sent++;
                } else {
                    retryLater(owed, "HTTP " + status);
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                retryLater(owed, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
        }
        return sent;
    }

    private void retryLater(HotlineStore.Owed owed, String error) {
        Duration delay = properties.callbackInterval().multipliedBy(1L << Math.min(owed.attempts() + 1, 16));
        store.failed(owed.orderNo(), clock.instant().plus(delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay), error);
        log.warn("Hotline result for order {} not delivered ({}), retrying later", owed.orderNo(), error);
    }

    /** What the hotline hears back: the outcome, when, by whom, and the handler's or verifier's words. */
    private Map<String, Object> result(HotlineStore.Owed owed) {
        CaseView view = intake.status(new CaseId(owed.caseId())).orElseThrow();
        List<Map<String, Object>> history = intake.history(new CaseId(owed.caseId()));
        String notes = null;
        for (Map<String, Object> step : history) {
            String action = String.valueOf(step.get("action"));
            if ((action.equals("REPORT_BACK") || action.equals("INVALIDATE") || action.equals("CLOSE")) && step.get("reason") != null) {
                notes = String.valueOf(step.get("reason"));
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("orderNo", owed.orderNo());
        r.put("caseNumber", view.number());
        r.put("result", view.state() == CaseState.INVALID ? "INVALID" : "CLOSED");
        r.put("closedAt", (view.closedAt() == null ? clock.instant() : view.closedAt()).atOffset(ZoneOffset.ofHours(8)).toString());
        String assignment = view.assignment();
        r.put("department", assignment == null ? null : catalog.department(civicgrid.catalog.Department.codeOfInstance(assignment))
                .map(d -> d.nameZh()).orElse(assignment));
        r.put("notes", notes);
        r.put("rating", view.figures() == null ? null : view.figures().rating());
        return r;
    }

}
