package civicgrid.sensing.mqtt;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * MQTT: the embedded broker's address ({@code embeddedPort} 0 picks a free port, for tests), or the
 * URL of an external broker ({@code CIVICGRID_MQTT_URL}) that replaces it.
 */
@ConfigurationProperties("civicgrid.mqtt")
record MqttProperties(String url, String embeddedHost, Integer embeddedPort) {

    MqttProperties {
        embeddedHost = embeddedHost == null || embeddedHost.isBlank() ? "0.0.0.0" : embeddedHost;
        embeddedPort = embeddedPort == null ? 1883 : embeddedPort;
    }

    boolean external() {
        return url != null && !url.isBlank();
    }
}
