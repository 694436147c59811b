package civicgrid.sensing.mqtt;

import civicgrid.sensing.app.CommandPublisher;
import civicgrid.sensing.app.Commands;
import civicgrid.sensing.app.TelemetryIngest;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * CivicGrid as a client of an external broker (Mosquitto, EMQX, HiveMQ...) named by
 * {@code CIVICGRID_MQTT_URL}: a shared subscription ({@code $share/civicgrid/...}) so that the nodes
 * split the devices' messages, QoS 1, a persistent session under a stable client id (the broker
 * keeps what arrives while the node is away, for {@code civicgrid.mqtt.session-expiry}) and
 * automatic reconnection. Devices log into the broker, which authenticates them and keeps them to
 * their own topics (its password file and ACL); CivicGrid still refuses and counts unknown devices
 * and malformed payloads. A message is acknowledged to the broker only after the ingest stored it
 * (or refused it), so a node that dies in between gets it again from its session; messages are
 * taken in by batches with many in flight at once ({@link #RECEIVE_WINDOW}; docs/architecture.md).
 * Telemetry goes from the client's network thread straight into the ingest's queue: the client's
 * callback executor would put a buffer of 128 between them, and while it was full the client walked
 * its list of unacknowledged messages on every message and every acknowledgement, besides waking one
 * more thread per burst.
 */
public class ExternalBroker implements SmartLifecycle, CommandPublisher {

    private static final Logger log = LoggerFactory.getLogger(ExternalBroker.class);
    static final String SHARE_GROUP = "civicgrid";
    /**
     * How many unacknowledged messages the broker may have out to this node at once (they wait in the
     * ingest's queue), said explicitly: the HiveMQ client leaves out MQTT 5's default (65,535), and
     * Mosquitto then falls back to its own {@code max_inflight_messages} (20), queues the rest and
     * drops what exceeds {@code max_queued_messages} (1,000) — a burst of readings lost.
     */
    static final int RECEIVE_WINDOW = 10_000;
    private static final String TRANSPORT = "mqtt";

    private final MqttProperties properties;
    private final Inbound inbound;
    private Mqtt5AsyncClient client;
    private ExecutorService commandAcks;

    ExternalBroker(MqttProperties properties, TelemetryIngest ingest, Commands commands) {
        this(properties, new Inbound(ingest, commands, TRANSPORT));
    }

    ExternalBroker(MqttProperties properties, Inbound inbound) {
        this.properties = properties;
        this.inbound = inbound;
    }

    /** The shared subscriptions this node holds: telemetry and command acknowledgements of every device. */
    static List<String> filters() {
        return List.of("$share/" + SHARE_GROUP + "/" + Topics.ALL_TELEMETRY, "$share/" + SHARE_GROUP + "/" + Topics.ALL_ACKS);
    }

    @Override
    public void start() {
        URI uri = URI.create(properties.url());
        boolean tls = "ssl".equals(uri.getScheme()) || "mqtts".equals(uri.getScheme());
        if (uri.getHost() == null || !List.of("tcp", "mqtt", "ssl", "mqtts").contains(uri.getScheme())) {
            throw new IllegalStateException("CIVICGRID_MQTT_URL (civicgrid.mqtt.url) must look like tcp://host:1883 or ssl://host:8883, not "
                    + properties.url());
        }
        Mqtt5ClientBuilder b = MqttClient.builder().useMqttVersion5().identifier(properties.clientId()).serverHost(uri.getHost())
                .serverPort(uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883)
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(30, TimeUnit.SECONDS).applyAutomaticReconnect()
                // subscribing again on every connect costs nothing and covers a session the broker let expire
                .addConnectedListener(c -> subscribe())
                .addDisconnectedListener(c -> {
                    if (c.getSource() != com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource.USER) {
                        log.warn("MQTT broker {} lost ({}); reconnecting", properties.url(), c.getCause().toString());
                    }
                });
        if (tls) {
            b = b.sslWithDefaultConfig();
        }
        Mqtt5AsyncClient c = b.buildAsync();
        // acknowledgements of commands are a database transaction each: one thread of their own, in the broker's order, so that the
        // network thread never waits for the database. Once stopped, what the client still hands over is dropped unacknowledged:
        // the broker sends it again on the session's next connection
        commandAcks = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "mqtt-command-acks");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
        // before connecting: a resumed session delivers what it kept right after the CONNACK. No executor: the callback runs on
        // the client's network thread (see received)
        c.publishes(MqttGlobalPublishFilter.ALL, this::received, true);
        var connect = c.connectWith().cleanStart(false).sessionExpiryInterval(properties.sessionExpiry().toSeconds()).restrictions()
                .receiveMaximum(RECEIVE_WINDOW).applyRestrictions();
        if (properties.username() != null) {
            connect = connect.simpleAuth().username(properties.username())
                    .password(properties.password() == null ? new byte[0] : properties.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        client = c;
        try {
            var ack = connect.send().get(10, TimeUnit.SECONDS);
            log.info("Connected to MQTT broker {} as {} (session {})", properties.url(), properties.clientId(),
                    ack.isSessionPresent() ? "resumed" : "new");
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("The MQTT broker of CIVICGRID_MQTT_URL (civicgrid.mqtt.url) " + properties.url()
                    + " did not accept the connection within 10 s (" + rootCause(e) + "); check the URL and CIVICGRID_MQTT_USERNAME/PASSWORD,"
                    + " or unset it to use the embedded broker", e);
        }
    }

    private void subscribe() {
        Mqtt5AsyncClient c = client;
        if (c == null) {
            return;
        }
        List<String> filters = filters();
        c.subscribe(com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe.builder().addSubscriptions(filters.stream()
                .map(f -> com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription.builder().topicFilter(f).qos(MqttQos.AT_LEAST_ONCE)
                        .build()))
                .build())
                .whenComplete((ack, e) -> {
                    if (e != null) {
                        log.error("Subscribing to {} on {} failed", filters, properties.url(), e);
                    }
                });
    }

    /**
     * On the client's network thread: hands telemetry to the ingest's batches in the order the broker
     * sent it, acknowledgements of commands to their own thread. A message is acknowledged once its
     * batch was stored and it was evaluated (or refused); a failure of CivicGrid itself (the database
     * away) leaves it unacknowledged, so the broker sends it again on the next connection of this
     * session. The ingest's queue holds at least the receive window ({@link #RECEIVE_WINDOW}
     * unacknowledged messages), so the hand-over does not wait in practice; should it wait (messages
     * of an earlier connection still queued), the network thread stops reading from the broker
     * meanwhile, which holds the broker back as the window does. The ingest never waits for this
     * thread: an acknowledgement only queues a task for it.
     */
    private void received(Mqtt5Publish p) {
        String topic = p.getTopic().toString();
        byte[] payload = p.getPayloadAsBytes();
        if (Topics.telemetryDevice(topic) != null) {
            inbound.handle(topic, null, payload, p::acknowledge);
        } else {
            commandAcks.execute(() -> inbound.handle(topic, null, payload, p::acknowledge));
        }
    }

    @Override
    public void stop() {
        Mqtt5AsyncClient c = client;
        client = null;
        if (c != null) {
            try {
                // a normal disconnect keeps the session (expiry as connected): what arrives meanwhile waits for this node
                c.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("MQTT disconnect: {}", rootCause(e));
            }
        }
        if (commandAcks != null) {
            commandAcks.shutdown();
            commandAcks = null;
        }
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }

    /** Connected now (the client reconnects by itself when not). */
    public boolean connected() {
        Mqtt5AsyncClient c = client;
        return c != null && c.getState() == MqttClientState.CONNECTED;
    }

    @Override
    public boolean publish(String deviceId, String json) {
        Mqtt5AsyncClient c = client;
        if (c == null || !c.getState().isConnected()) {
            return false;
        }
        c.publishWith().topic(Topics.commands(deviceId)).qos(MqttQos.AT_LEAST_ONCE).payload(json.getBytes(StandardCharsets.UTF_8)).send()
                .whenComplete((r, e) -> {
                    if (e != null || r.getError().isPresent()) {
                        log.warn("Command to {} not accepted by the broker: {}", deviceId, e != null ? e.toString() : r.getError().get());
                    }
                });
        return true;
    }

    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
