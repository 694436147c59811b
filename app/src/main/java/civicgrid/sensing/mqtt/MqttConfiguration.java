package civicgrid.sensing.mqtt;

import civicgrid.sensing.app.Commands;
import civicgrid.sensing.app.TelemetryIngest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded broker, unless {@code CIVICGRID_MQTT_URL} names an external one: then CivicGrid
 * subscribes there (shared subscription, persistent session) and starts no broker of its own.
 */
@Configuration
@EnableConfigurationProperties(MqttProperties.class)
class MqttConfiguration {

    @Bean
    @Conditional(Embedded.class)
    EmbeddedBroker embeddedBroker(MqttProperties properties, TelemetryIngest ingest, Commands commands) {
        return new EmbeddedBroker(properties, ingest, commands);
    }

    @Bean
    @Conditional(External.class)
    ExternalBroker externalBroker(MqttProperties properties, TelemetryIngest ingest, Commands commands) {
        return new ExternalBroker(properties, ingest, commands);
    }

    static boolean external(ConditionContext context) {
        String url = context.getEnvironment().getProperty("civicgrid.mqtt.url");
        return url != null && !url.isBlank();
    }

    static final class External implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return external(context);
        }
    }

    static final class Embedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !external(context);
        }
    }
}
