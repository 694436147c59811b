package civicgrid.sensing.mqtt;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * MQTT: the embedded broker's address ({@code embeddedPort} 0 picks a free port, for tests), or the
 * URL of an external broker ({@code CIVICGRID_MQTT_URL}) that replaces it, with the credentials
 * CivicGrid logs in with there, its client id (stable per node: the broker keeps the node's
 * persistent session under it) and how long the broker keeps that session while the node is away.
 */
@ConfigurationProperties("civicgrid.mqtt")
record MqttProperties(String url, String embeddedHost, Integer embeddedPort, String clientId, String username, String password,
        Duration sessionExpiry) {

    MqttProperties {
        embeddedHost = embeddedHost == null || embeddedHost.isBlank() ? "0.0.0.0" : embeddedHost;
        embeddedPort = embeddedPort == null ? 1883 : embeddedPort;
        clientId = clientId == null || clientId.isBlank() ? "civicgrid-" + hostName() : clientId;
        username = username == null || username.isBlank() ? null : username;
        password = password == null || password.isEmpty() ? null : password;
        sessionExpiry = sessionExpiry == null ? Duration.ofDays(1) : sessionExpiry;
    }

    /** An embedded broker on this address (tests). */
    static MqttProperties embedded(String host, int port) {
        return new MqttProperties(null, host, port, null, null, null, null);
    }

    boolean external() {
        return url != null && !url.isBlank();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
