package civicgrid.bench;

import civicgrid.CivicGridApplication;
import civicgrid.geo.GeoApi;
import civicgrid.sensing.SensingApi;
import civicgrid.sensing.app.Commands;
import civicgrid.sensing.app.TelemetryIngest;
import civicgrid.sensing.mqtt.BenchNodes;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Telemetry end to end over MQTT with QoS 1, side by side in one run: {@code BENCH_MQTT_MESSAGES}
 * (default 2,000) readings from 8 device connections (a) through a bare Moquette broker to one
 * subscriber, no CivicGrid; (b) through CivicGrid's embedded broker into the ingest (stored: latest
 * value, history row, last contact; evaluated); and, when a Mosquitto answers on 127.0.0.1:1883,
 * (c) through Mosquitto alone to a subscriber and (d) through Mosquitto to a CivicGrid node's shared
 * subscription. Then reading → alarm on a console: 100 wristbands in 新山村街道 each report a heart rate
 * of 40 over MQTT; the time until the street operator's event stream ({@code /api/v1/events/stream})
 * announces the urgent case the alarm opened (the alarm itself is not on the stream yet).
 */
public final class SensingMqttBenchmark {

    private static final String PAYLOAD = "{\"values\":{\"smoke\":false}}";
    private static final int CONNECTIONS = 8;
    private static final int WINDOW = 16;

    private SensingMqttBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // before Spring sets the levels: the bare brokers would log every packet
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int messages = Integer.parseInt(System.getenv().getOrDefault("BENCH_MQTT_MESSAGES", "2000"));
        boolean mosquitto = answers(1883);
        List<String> out = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                System.out.println(line); // as it comes: a run cut short keeps what it measured
                return super.add(line);
            }
        };
        out.add(String.format("machine: %d cores, load average %.1f at the start; %,d QoS 1 readings from %d connections per run",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), messages, CONNECTIONS));

        int bare = freePort();
        Server moquette = bareMoquette(bare);
        try {
            brokerAlone("Moquette 0.17 alone (in memory), publisher → subscriber", bare, messages / 4, out, false, false); // warm-up
            brokerAlone("Moquette 0.17 alone (in memory), publisher → subscriber", bare, messages, out, true, false);
        } finally {
            moquette.stopServer();
        }
        if (mosquitto) {
            brokerAlone("Mosquitto alone (127.0.0.1:1883), publisher → subscriber (MQTT 5, receive maximum 10,000 as the node)", 1883,
                    messages, out, true, true);
        }

        Path data = Files.createTempDirectory("civicgrid-mqtt-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicGridApplication.class).run(LoopBenchmark.arguments(Map.of(
                "civicgrid.db.embedded-data-dir", data.resolve("pg").toString(), "server.port", "0", "civicgrid.mqtt.embedded-port", "0",
                "civicgrid.mqtt.embedded-host", "127.0.0.1", "logging.level.root", "WARN", "spring.main.banner-mode", "off")));
        try {
            int http = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            int mqtt = app.getBean(SensingApi.class).embeddedMqttPort().orElseThrow();
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            LongSupplier accepted = () -> {
                Counter c = meters.find("civicgrid.telemetry.accepted").tags("transport", "mqtt").counter();
                return c == null ? 0 : (long) c.count();
            };
            var point = app.getBean(GeoApi.class).model().node("500104001001001").orElseThrow().geometry().getInteriorPoint();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<String> smokes = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                smokes.add(register(client, http, "bench-smoke-" + i, "SMOKE", point.getX(), point.getY()));
            }
            throughCivicGrid("CivicGrid, embedded broker → ingest (stored, evaluated)", mqtt, smokes, true, messages / 4, accepted, out, false);
            throughCivicGrid("CivicGrid, embedded broker → ingest (stored, evaluated)", mqtt, smokes, true, messages, accepted, out, true);
            if (mosquitto) {
                SmartLifecycle node = BenchNodes.external("tcp://127.0.0.1:1883", "civicgrid-bench-node", app.getBean(TelemetryIngest.class),
                        app.getBean(Commands.class));
                try {
                    throughCivicGrid("CivicGrid, Mosquitto → shared subscription → ingest", 1883, smokes, false, messages, accepted, out, true);
                } finally {
                    node.stop();
                }
            } else {
                out.add("no Mosquitto on 127.0.0.1:1883: its rows are left out");
            }
            alarmToConsole(client, http, mqtt, point.getX(), point.getY(), out);
        } finally {
            app.close();
            LoopBenchmark.deleteQuietly(data);
        }
        Files.writeString(Path.of("bench", "results", "sensing-mqtt.txt"), String.join("\n", out) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * A publisher → subscriber run through a broker alone. {@code windowed}: the subscriber speaks MQTT 5
     * and states the receive window CivicGrid's node states (10,000); an MQTT 3.1.1 subscriber gets
     * Mosquitto's own 20 in flight and 1,000 queued, and on a loaded machine Mosquitto dropped the rest
     * ("not all arrived" after 90 s), leaving no figure to compare the node with.
     */
    private static void brokerAlone(String label, int port, int n, List<String> out, boolean report, boolean windowed) throws Exception {
        CountDownLatch received = new CountDownLatch(n);
        String id = "bench-sub-" + System.nanoTime();
        Runnable disconnectSubscriber;
        if (windowed) {
            Mqtt5AsyncClient subscriber = MqttClient.builder().useMqttVersion5().identifier(id).serverHost("127.0.0.1").serverPort(port)
                    .buildAsync();
            subscriber.publishes(MqttGlobalPublishFilter.ALL, p -> received.countDown());
            subscriber.connectWith().restrictions().receiveMaximum(10_000).applyRestrictions().send().get(10, TimeUnit.SECONDS);
            subscriber.subscribeWith().topicFilter("bench/v1/devices/+/telemetry").qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
            disconnectSubscriber = () -> subscriber.disconnect().orTimeout(5, TimeUnit.SECONDS).join();
        } else {
            Mqtt3AsyncClient subscriber = MqttClient.builder().useMqttVersion3().identifier(id).serverHost("127.0.0.1").serverPort(port)
                    .buildAsync();
            subscriber.publishes(MqttGlobalPublishFilter.ALL, p -> received.countDown());
            subscriber.connect().get(10, TimeUnit.SECONDS);
            subscriber.subscribeWith().topicFilter("bench/v1/devices/+/telemetry").qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
            disconnectSubscriber = () -> subscriber.disconnect().orTimeout(5, TimeUnit.SECONDS).join();
        }
        List<Mqtt3AsyncClient> publishers = connect(port, null, CONNECTIONS);
        long t = System.nanoTime();
        publish(publishers, i -> "bench/v1/devices/dev-" + i + "/telemetry", n);
        boolean all = received.await(90, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t) / 1e9;
        if (report) {
            out.add(String.format("%s: %,.0f readings/s%s", label, (n - received.getCount()) / seconds, all ? "" : " (not all arrived)"));
        }
        disconnect(publishers);
        disconnectSubscriber.run();
    }

    private static void throughCivicGrid(String label, int port, List<String> devices, boolean login, int n, LongSupplier accepted,
            List<String> out, boolean report) throws Exception {
        List<Mqtt3AsyncClient> publishers = new ArrayList<>();
        for (String d : devices) {
            publishers.addAll(connect(port, login ? d : null, 1));
        }
        long start = accepted.getAsLong();
        long t = System.nanoTime();
        publish(publishers, i -> "civicgrid/v1/devices/" + devices.get(i) + "/telemetry", n);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (accepted.getAsLong() - start < n && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        long done = accepted.getAsLong() - start;
        if (report) {
            out.add(String.format("%s: %,.0f readings/s%s", label, done / seconds, done < n ? " (only " + done + " within 90 s)" : ""));
        }
        disconnect(publishers);
    }

    /**
     * The messages spread over the connections, each connection keeping at most {@link #WINDOW} QoS 1
     * messages unacknowledged (a device sends its next reading when the broker has taken the last ones).
     */
    private static void publish(List<Mqtt3AsyncClient> publishers, java.util.function.IntFunction<String> topicOf, int n)
            throws InterruptedException {
        List<CompletableFuture<?>> sent = new ArrayList<>(n);
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.Semaphore[] windows = new java.util.concurrent.Semaphore[publishers.size()];
        for (int c = 0; c < windows.length; c++) {
            windows[c] = new java.util.concurrent.Semaphore(WINDOW);
        }
        for (int i = 0; i < n; i++) {
            int c = i % publishers.size();
            if (!windows[c].tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no PUBACK for 30 s on connection " + c + " after " + i + " messages");
            }
            java.util.concurrent.Semaphore window = windows[c];
            sent.add(publishers.get(c).publishWith().topic(topicOf.apply(c)).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                    .whenComplete((r, e) -> window.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static List<Mqtt3AsyncClient> connect(int port, String login, int count) throws Exception {
        List<Mqtt3AsyncClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var b = MqttClient.builder().useMqttVersion3().identifier("bench-pub-" + System.nanoTime()).serverHost("127.0.0.1").serverPort(port)
                    .buildAsync();
            var connect = b.connectWith();
            if (login != null) {
                connect.simpleAuth().username(login).password("bench-token-0123456789".getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                        .send().get(10, TimeUnit.SECONDS);
            } else {
                connect.send().get(10, TimeUnit.SECONDS);
            }
            clients.add(b);
        }
        return clients;
    }

    private static void disconnect(List<Mqtt3AsyncClient> clients) {
        clients.forEach(c -> c.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join());
    }

    /** Reading → the urgent case on the street operator's event stream, one wristband at a time. */
    private static void alarmToConsole(HttpClient client, int http, int mqtt, double lon, double lat, List<String> out) throws Exception {
        int rounds = 101;
        List<String> bands = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            bands.add(register(client, http, "bench-band-" + i, "WRISTBAND", lon, lat));
        }
        BlockingQueue<Map.Entry<String, Long>> cases = new LinkedBlockingQueue<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        CountDownLatch hello = new CountDownLatch(1);
        client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/api/v1/events/stream"))
                .header("Authorization", auth("xinshancun")).GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> {
                    if (line.startsWith("event:hello")) {
                        hello.countDown();
                    }
                    if (line.startsWith("data:") && line.contains("caseId")) {
                        cases.add(Map.entry(line.replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1"), System.nanoTime()));
                    }
                }));
        if (!hello.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the event stream did not open");
        }
        long[] delays = new long[rounds - 1];
        int got = 0;
        for (int i = 0; i < rounds; i++) {
            Mqtt3AsyncClient band = connect(mqtt, bands.get(i), 1).get(0);
            for (Map.Entry<String, Long> e; (e = cases.poll()) != null; ) {
                seen.add(e.getKey()); // later steps of earlier cases
            }
            long t = System.nanoTime();
            band.publishWith().topic("civicgrid/v1/devices/" + bands.get(i) + "/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"values\":{\"hr\":40}}".getBytes(StandardCharsets.UTF_8)).send();
            // the first event of a case not seen before: the console hears of the new case
            Long at = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (at == null && System.nanoTime() < until) {
                Map.Entry<String, Long> e = cases.poll(100, TimeUnit.MILLISECONDS);
                if (e != null && seen.add(e.getKey())) {
                    at = e.getValue();
                }
            }
            band.disconnect();
            if (i > 0 && at != null) {
                delays[got++] = at - t;
            }
        }
        long[] d = java.util.Arrays.copyOf(delays, got);
        java.util.Arrays.sort(d);
        out.add(String.format("reading (MQTT, hr 40) → urgent case on the street operator's event stream, %d wristbands one at a time: "
                + "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d of %d arrived)", rounds - 1, pct(d, 0.5), pct(d, 0.99), pct(d, 1.0), got, rounds - 1));
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static String register(HttpClient client, int http, String id, String profile, double lon, double lat) throws Exception {
        String body = "{\"id\":\"" + id + "\",\"name\":\"bench\",\"profile\":\"" + profile + "\",\"lon\":" + lon + ",\"lat\":" + lat
                + ",\"owner\":\"bench\",\"token\":\"bench-token-0123456789\"}";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/api/v1/devices"))
                .header("Authorization", auth("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("registering " + id + ": " + r.statusCode() + " " + r.body());
        }
        return id;
    }

    private static Server bareMoquette(int port) throws Exception {
        Properties p = new Properties();
        p.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
        p.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(BrokerConstants.NETTY_EPOLL_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        p.setProperty(BrokerConstants.SESSION_QUEUE_SIZE, "16384"); // as CivicGrid's embedded broker
        Server s = new Server();
        s.startServer(new MemoryConfig(p));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!answers(port) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return s;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
