package civicgrid.sensing.app;

import civicgrid.sensing.AlarmWebhookDue;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.persistence.AlarmStore;
import civicgrid.sensing.persistence.DeviceStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rule's webhook action: announces {@link AlarmWebhookDue} in a transaction of its own, so the event
 * publication registry holds it until it is delivered (notify signs and posts it, and the registry's
 * retry sends it again while the receiver is down). Nothing here waits for the receiver: the ingest
 * and the rule engine go on at once. A target no administrator registered is logged and counted.
 */
@Component
class AlarmWebhooks {

    private static final Logger log = LoggerFactory.getLogger(AlarmWebhooks.class);
    private final WebhookTargets targets;
    private final AlarmStore alarms;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    /** Targets already warned about: a rule firing every minute must not fill the log, the counter says how often. */
    private final Set<String> warnedTargets = ConcurrentHashMap.newKeySet();

    AlarmWebhooks(WebhookTargets targets, AlarmStore alarms, ApplicationEventPublisher publisher, TransactionTemplate tx,
                  MeterRegistry meters) {
        this.targets = targets;
        this.alarms = alarms;
        this.publisher = publisher;
        this.tx = tx;
        this.meters = meters;
    }

    void due(Outcome.CallWebhook w, DeviceStore.Device device) {
        if (targets.find(w.target()).isEmpty()) {
            if (warnedTargets.add(w.target())) {
                log.warn("Webhook target {} of device {} ({}) is not registered: nobody is called (said once per target;"
                        + " the metric civicgrid.sensing.webhooks, result unknown_target, counts every call missed)", w.target(), w.deviceId(), w.alarmType());
            }
            count(w.target(), "unknown_target");
            return;
        }
        warnedTargets.remove(w.target());
        AlarmStore.Row row = alarms.active(w.deviceId(), w.alarmType()).orElse(null);
        long alarmId = row == null ? 0 : row.alarm().id();
        // one call per alarm and target: a repeated outcome (a relayed duplicate) or a retry carries the same id
        String key = row == null ? w.deviceId() + "|" + w.alarmType() + "|" + w.ts() : Long.toString(alarmId);
        String deliveryId = UUID.nameUUIDFromBytes(("sensing-webhook|" + key + "|" + w.target()).getBytes(StandardCharsets.UTF_8)).toString();
        AlarmWebhookDue due = new AlarmWebhookDue(deliveryId, w.target(), alarmId, device.id(), w.alarmType(),
                row == null ? null : row.alarm().severity().name(), device.gridCode(), device.lon(), device.lat(),
                row == null || row.caseId() == null ? null : row.caseId().toString(),
                row == null ? Instant.ofEpochMilli(w.ts()) : row.alarm().startedAt());
        tx.executeWithoutResult(s -> publisher.publishEvent(due));
        count(w.target(), "due");
    }

    private void count(String target, String result) {
        meters.counter("civicgrid.sensing.webhooks", "target", target, "result", result).increment();
    }
}
