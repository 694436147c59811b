package civicgrid.notify.webhook;

import civicgrid.notify.SignedWebhooks;
import civicgrid.sensing.AlarmWebhookDue;
import civicgrid.sensing.SensingApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers sensing's due webhooks (the wristband's alarm to the traffic police's escort), signed
 * with the target's secret. Fed by the event publication registry: a failed call leaves the
 * publication incomplete and {@link WebhookRetry} submits it again, with the same delivery id, until
 * the receiver takes it. The target's address and secret are read at each attempt, so an
 * administrator's correction reaches the calls still waiting; a target deleted meanwhile ends them.
 */
@Component
class AlarmWebhookDelivery {

    static final String EVENT = "sensing.alarm";
    private static final Logger log = LoggerFactory.getLogger(AlarmWebhookDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SensingApi sensing;
    private final SignedWebhooks webhooks;
    private final MeterRegistry meters;

    AlarmWebhookDelivery(SensingApi sensing, SignedWebhooks webhooks, MeterRegistry meters) {
        this.sensing = sensing;
        this.webhooks = webhooks;
        this.meters = meters;
    }

    @ApplicationModuleListener
    void on(AlarmWebhookDue due) {
        SensingApi.WebhookTarget target = sensing.webhookTarget(due.target()).orElse(null);
        if (target == null) {
            log.warn("Webhook target {} was removed; delivery {} of alarm {} dropped", due.target(), due.deliveryId(), due.alarmId());
            count(due.target(), "target_removed");
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", EVENT);
        payload.put("deliveryId", due.deliveryId());
        payload.put("target", due.target());
        payload.put("alarmId", due.alarmId());
        payload.put("deviceId", due.deviceId());
        payload.put("alarmType", due.alarmType());
        payload.put("severity", due.severity());
        payload.put("gridCode", due.gridCode());
        payload.put("lon", due.lon());
        payload.put("lat", due.lat());
        payload.put("caseId", due.caseId());
        payload.put("raisedAt", due.raisedAt().toString());
        try {
            webhooks.post(target.url(), target.secret(), EVENT, due.deliveryId(), JSON.writeValueAsString(payload));
            count(due.target(), "delivered");
        } catch (SignedWebhooks.Undelivered e) {
            count(due.target(), "failed");
            log.warn("Webhook {} (delivery {}) failed, will retry: {}", due.target(), due.deliveryId(), e.getMessage());
            throw e;
        }
    }

    private void count(String target, String result) {
        meters.counter("civicgrid.webhooks.alarm.deliveries", "target", target, "result", result).increment();
    }
}
