package civicgrid.notify.webhook;

import civicgrid.cases.CaseChanged;
import civicgrid.identity.TerritorialScope;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts every case change to the configured endpoints of its territory. The change reaches this
 * listener through Spring Modulith's event publication registry (written in the case's transaction),
 * so a delivery that fails — receiver down, non-2xx — leaves the publication incomplete and the retry
 * task submits it again; deliveries are at-least-once with a stable {@code X-CivicGrid-Delivery} id
 * for de-duplication, and signed: {@code X-CivicGrid-Signature: sha256=HMAC(secret, timestamp + "." + body)}.
 * Without any endpoint configured the listener is not registered at all (no publications to track).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("civicgrid.webhooks.endpoints[0].url")
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebhookProperties properties;
    private final HttpClient client;

    WebhookDelivery(WebhookProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @ApplicationModuleListener
    void on(CaseChanged change) {
        for (WebhookProperties.Endpoint endpoint : properties.endpoints()) {
            if (TerritorialScope.of(endpoint.territory()).includes(change.gridCode())) {
                deliver(endpoint, change);
            }
        }
    }

    private void deliver(WebhookProperties.Endpoint endpoint, CaseChanged change) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", "case.changed");
        payload.put("caseId", change.caseId().toString());
        payload.put("number", change.number());
        payload.put("action", change.action().name());
        payload.put("from", change.from() == null ? null : change.from().name());
        payload.put("to", change.to().name());
        payload.put("districtCode", change.districtCode());
        payload.put("streetCode", change.streetCode());
        payload.put("gridCode", change.gridCode());
        payload.put("urgent", change.urgent());
        payload.put("overdue", change.overdue());
        payload.put("at", change.at().toString());
        String body = JSON.writeValueAsString(payload);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String delivery = UUID.nameUUIDFromBytes((endpoint.url() + "|" + change.caseId() + "|" + change.action() + "|"
                + change.at().toEpochMilli()).getBytes(StandardCharsets.UTF_8)).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(properties.timeout())
                .header("Content-Type", "application/json").header("X-CivicGrid-Event", "case.changed")
                .header("X-CivicGrid-Delivery", delivery).header("X-CivicGrid-Timestamp", timestamp)
                .header("X-CivicGrid-Signature", "sha256=" + sign(endpoint.secret(), timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new WebhookFailed(endpoint.url() + " answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new WebhookFailed(endpoint.url() + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookFailed("interrupted");
        }
    }

    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A delivery that must be tried again. */
    static final class WebhookFailed extends RuntimeException {
        WebhookFailed(String message) {
            super(message);
            log.warn("Webhook delivery failed, will retry: {}", message);
        }
    }

    @Bean
    RecurringTask<Void> webhookRetry(IncompleteEventPublications incomplete, WebhookProperties properties) {
        return Tasks.recurring("webhook-retry", FixedDelay.of(properties.retryInterval())).execute((instance, context) ->
                incomplete.resubmitIncompletePublicationsOlderThan(properties.retryInterval()));
    }
}
