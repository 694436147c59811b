package civicgrid.sensing;

import civicgrid.sensing.app.SensingEngine;
import civicgrid.sensing.mqtt.EmbeddedBroker;
import java.util.OptionalInt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** What other modules may ask of sensing. */
@Service
public class SensingApi {

    private final SensingEngine engine;

    private final ObjectProvider<EmbeddedBroker> broker;

    SensingApi(SensingEngine engine, ObjectProvider<EmbeddedBroker> broker) {
        this.engine = engine;
        this.broker = broker;
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
