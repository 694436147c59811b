package civicgrid.notify.webhook;

import civicgrid.cases.CaseChanged;
import civicgrid.identity.TerritorialScope;
import civicgrid.notify.SignedWebhooks;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts every case change to the configured endpoints of its territory. The change reaches this
 * listener through Spring Modulith's event publication registry (written in the case's transaction),
 * so a delivery that fails — receiver down, non-2xx — leaves the publication incomplete and the retry
 * task ({@link WebhookRetry}) submits it again; deliveries are at-least-once with a stable
 * {@code X-CivicGrid-Delivery} id for de-duplication, and signed as {@link SignedWebhooks} says.
 * Without any endpoint configured the listener is not registered at all (no publications to track).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("civicgrid.webhooks.endpoints[0].url")
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebhookProperties properties;
    private final SignedWebhooks webhooks;

    WebhookDelivery(WebhookProperties properties, SignedWebhooks webhooks) {
        this.properties = properties;
        this.webhooks = webhooks;
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
        String delivery = UUID.nameUUIDFromBytes((endpoint.url() + "|" + change.caseId() + "|" + change.action() + "|"
                + change.at().toEpochMilli()).getBytes(StandardCharsets.UTF_8)).toString();
        try {
            webhooks.post(endpoint.url(), endpoint.secret(), "case.changed", delivery, JSON.writeValueAsString(payload));
        } catch (SignedWebhooks.Undelivered e) {
            log.warn("Webhook delivery failed, will retry: {}", e.getMessage());
            throw e;
        }
    }
}
