package civicgrid.sensing.mqtt;

import civicgrid.sensing.app.TelemetryIngest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker unless {@code CIVICGRID_MQTT_URL} names an external one. Subscribing to an
 * external broker (HiveMQ client, shared subscription {@code $share/civicgrid/...}) is not built yet:
 * rather than run deaf, the start stops and says so.
 */
@Configuration
@EnableConfigurationProperties(MqttProperties.class)
class MqttConfiguration {

    @Bean
    EmbeddedBroker embeddedBroker(MqttProperties properties, TelemetryIngest ingest) {
        if (properties.external()) {
            throw new IllegalStateException("CIVICGRID_MQTT_URL (civicgrid.mqtt.url) is set, but this version runs only its embedded"
                    + " MQTT broker; unset it (the embedded broker listens on CIVICGRID_MQTT_EMBEDDED_PORT, default 1883)");
        }
        return new EmbeddedBroker(properties, ingest);
    }
}
