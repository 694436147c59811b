package civicgrid.sensing;

import civicgrid.sensing.app.SensingEngine;
import civicgrid.sensing.app.WebhookTargets;
import civicgrid.sensing.mqtt.EmbeddedBroker;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** What other modules may ask of sensing. */
@Service
public class SensingApi {

    private final SensingEngine engine;

    private final ObjectProvider<EmbeddedBroker> broker;
    private final WebhookTargets webhookTargets;
    private final civicgrid.sensing.persistence.AlarmStore alarms;

    SensingApi(SensingEngine engine, ObjectProvider<EmbeddedBroker> broker, WebhookTargets webhookTargets,
            civicgrid.sensing.persistence.AlarmStore alarms) {
        this.engine = engine;
        this.broker = broker;
        this.webhookTargets = webhookTargets;
        this.alarms = alarms;
    }

    /** Where a rule's webhook goes and the secret that signs it (for the module that delivers; never shown to a user). */
    public record WebhookTarget(String name, String url, String secret) {
    }

    /** The target an {@link AlarmWebhookDue} names, as an administrator last set it. */
    public Optional<WebhookTarget> webhookTarget(String name) {
        return webhookTargets.find(name).map(t -> new WebhookTarget(t.name(), t.url(), t.secret()));
    }

    /** Alarms raised in a unit (its code or below) over a window, and how many of them someone acknowledged. */
    public record AlarmFigures(long raised, long acknowledged) {
    }

    /** The alarm figures of a unit over [from, to): for evaluation's indices. No actor is checked: the caller scopes the unit. */
    public AlarmFigures alarmFigures(String unitPrefix, java.time.Instant from, java.time.Instant to) {
        long[] n = alarms.raisedAndAcknowledged(unitPrefix, from, to);
        return new AlarmFigures(n[0], n[1]);
    }

    /** The port the embedded MQTT broker listens on, if it runs. */
    public OptionalInt embeddedMqttPort() {
        EmbeddedBroker b = broker.getIfAvailable();
        return b == null || b.port() < 0 ? OptionalInt.empty() : OptionalInt.of(b.port());
    }

    /** Devices the rule engine of this node watches. */
    public int watchedDevices() {
        return engine.deviceCount();
    }
}
