package civicgrid.sensing.mqtt;

import civicgrid.sensing.app.CommandPublisher;
import civicgrid.sensing.app.Commands;
import civicgrid.sensing.app.TelemetryIngest;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The default MQTT broker, inside CivicGrid (Moquette): devices log in with their id as user name
 * and their token as password, may publish only to their own telemetry topic and read only their own
 * commands topic; what they publish goes to the ingest (telemetry) and to the commands' delivery
 * (acknowledgements); commands go out with QoS 1.
 */
public class EmbeddedBroker implements SmartLifecycle, CommandPublisher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String TRANSPORT = "mqtt";
    static final int SESSION_QUEUE = 16_384;

    private final MqttProperties properties;
    private final TelemetryIngest ingest;
    private final Inbound inbound;
    private Server server;
    private volatile int port = -1;

    EmbeddedBroker(MqttProperties properties, TelemetryIngest ingest, Commands commands) {
        this.properties = properties;
        this.ingest = ingest;
        this.inbound = new Inbound(ingest, commands, TRANSPORT);
    }

    /** The port the broker listens on (the one picked when configured as 0), or -1 when stopped. */
    public int port() {
        return port;
    }

    @Override
    public void start() {
        // the port is chosen here, not read back from Moquette: its getPort() writes into a plain map that
        // Netty's thread fills after the bind, and a read racing that write could lose the port for good
        int wanted = properties.embeddedPort() == 0 ? freePort() : properties.embeddedPort();
        requireFree(wanted);
        Properties p = new Properties();
        p.setProperty(BrokerConstants.HOST_PROPERTY_NAME, properties.embeddedHost());
        p.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(wanted));
        p.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.NETTY_EPOLL_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        // each of Moquette's session loops (one per core) queues at most this many commands and DROPS a publish
        // beyond it (the device never gets its PUBACK); the default 1,024 overflowed in the MQTT benchmark
        p.setProperty(BrokerConstants.SESSION_QUEUE_SIZE, Integer.toString(SESSION_QUEUE));
        Server s = new Server();
        // Moquette waits for its bind with Netty's sync(), which gives up at once on a thread whose interrupt flag
        // is still set from earlier work (a context closed on the same thread, say); the flag is kept for later
        boolean interrupted = Thread.interrupted();
        try {
            try {
                s.startServer(new MemoryConfig(p), List.of(new Telemetry()), null, new DeviceLogin(), new OwnTopicsOnly());
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("The embedded MQTT broker could not start on " + properties.embeddedHost() + ":" + wanted
                        + " (" + rootCause(e) + "); set CIVICGRID_MQTT_EMBEDDED_PORT (civicgrid.mqtt.embedded-port) to a free port", e);
            }
            requireBound(s, wanted);
            port = wanted;
            server = s;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("Embedded MQTT broker listens on {}:{}", properties.embeddedHost(), port);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** A port nothing listens on now (what 0 asks for): the system's pick, handed to Moquette. */
    private int freePort() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(properties.embeddedHost()), 0));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the embedded MQTT broker on " + properties.embeddedHost() + " ("
                    + e.getMessage() + "); set CIVICGRID_MQTT_EMBEDDED_PORT (civicgrid.mqtt.embedded-port)", e);
        }
    }

    /**
     * Moquette waits for its bind but only logs a failed one: the port must now be taken (by the
     * broker: it was free a moment before), or the start stops.
     */
    private void requireBound(Server s, int wanted) {
        if (!isFree(wanted)) {
            return;
        }
        s.stopServer();
        throw new IllegalStateException("The embedded MQTT broker did not bind port " + wanted + "; set CIVICGRID_MQTT_EMBEDDED_PORT"
                + " (civicgrid.mqtt.embedded-port) to a free port");
    }

    /** A taken port stops the start with the setting to change (Moquette would only log the failed bind). */
    private void requireFree(int wanted) {
        if (!isFree(wanted)) {
            throw new IllegalStateException("MQTT port " + wanted + " is already taken; set CIVICGRID_MQTT_EMBEDDED_PORT"
                    + " (civicgrid.mqtt.embedded-port) to a free port, or CIVICGRID_MQTT_URL to use an external broker");
        }
    }

    private boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(properties.embeddedHost()), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
            port = -1;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public boolean publish(String deviceId, String json) {
        Server s = server;
        if (s == null) {
            return false;
        }
        s.internalPublish(MqttMessageBuilders.publish().topicName(Topics.commands(deviceId)).retained(false).qos(MqttQoS.AT_LEAST_ONCE)
                .payload(Unpooled.copiedBuffer(json, StandardCharsets.UTF_8)).build(), "civicgrid");
        return true;
    }

    /** Device login: the device id as user name, its token as password (checked against the stored hash). */
    private final class DeviceLogin implements IAuthenticator {
        @Override
        public boolean checkValid(String clientId, String username, byte[] password) {
            try {
                ingest.authenticate(username, password == null ? null : new String(password, StandardCharsets.UTF_8), TRANSPORT);
                return true;
            } catch (TelemetryIngest.Refused refused) {
                return false;
            }
        }
    }

    /** A device writes only its own telemetry and acknowledgements and reads only its own commands. */
    private final class OwnTopicsOnly implements IAuthorizatorPolicy {
        @Override
        public boolean canWrite(Topic topic, String user, String client) {
            boolean own = user != null && (user.equals(Topics.telemetryDevice(topic.toString()))
                    || user.equals(Topics.ackDevice(topic.toString())));
            if (!own) {
                ingest.countRefused(TelemetryIngest.Reason.NOT_ALLOWED, TRANSPORT);
            }
            return own;
        }

        @Override
        public boolean canRead(Topic topic, String user, String client) {
            return user != null && topic.toString().equals(Topics.commands(user));
        }
    }

    /** Published telemetry into the ingest; a refused message is counted there and dropped, never crashes the broker. */
    private final class Telemetry extends AbstractInterceptHandler {
        @Override
        public String getID() {
            return "civicgrid-telemetry";
        }

        @Override
        public void onPublish(InterceptPublishMessage msg) {
            // Moquette calls this on its own executor (one thread) after it acknowledged the message to the device
            // (docs/architecture.md): nothing is left to acknowledge once the ingest took it in
            inbound.handle(msg.getTopicName(), msg.getUsername(), ByteBufUtil.getBytes(msg.getPayload()), () -> { });
        }

        @Override
        public void onSessionLoopError(Throwable error) {
            log.error("MQTT session loop failed", error);
        }
    }
}
