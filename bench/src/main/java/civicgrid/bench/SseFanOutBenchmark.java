package civicgrid.bench;

import civicgrid.CivicGridApplication;
import civicgrid.geo.GeoApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Live fan-out: {@code BENCH_CONSOLES} (default 500) consoles of one street hold a server-sent
 * event stream (opened 50 per second); a case is reported in that street; how long until every console has heard of it
 * (from the moment the report's HTTP response came back). Five rounds.
 */
public final class SseFanOutBenchmark {

    private SseFanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int consoles = Integer.parseInt(System.getenv().getOrDefault("BENCH_CONSOLES", "500"));
        Path data = Files.createTempDirectory("civicgrid-sse-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicGridApplication.class).run(LoopBenchmark.arguments(Map.of(
                "civicgrid.db.embedded-data-dir", data.resolve("pg").toString(), "server.port", "0", "civicgrid.mqtt.embedded-port", "0", "logging.level.root", "WARN",
                "spring.main.banner-mode", "off", "server.tomcat.max-connections", "2000")));
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var point = app.getBean(GeoApi.class).model().node("500104001001001").orElseThrow().geometry().getInteriorPoint();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            Map<String, long[]> arrivals = new ConcurrentHashMap<>();
            CountDownLatch connected = new CountDownLatch(consoles);
            String street = auth("xinshancun");
            for (int i = 0; i < consoles; i++) {
                if (i > 0 && i % 50 == 0) {
                    Thread.sleep(1000); // consoles open over time; a burst of 500 first logins is a separate problem (see notes)
                }
                client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/stream"))
                        .header("Authorization", street).GET().build(), HttpResponse.BodyHandlers.ofLines())
                        .thenAccept(response -> response.body().forEach(line -> {
                            if (line.startsWith("event:hello")) {
                                connected.countDown();
                            }
                            if (line.startsWith("data:") && line.contains("caseId")) {
                                String id = line.replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");
                                long[] times = arrivals.computeIfAbsent(id, k -> new long[consoles + 1]);
                                synchronized (times) {
                                    times[(int) ++times[consoles] - 1] = System.nanoTime();
                                }
                            }
                        }));
            }
            if (!connected.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (consoles - connected.getCount()) + " consoles connected");
            }
            List<String> lines = new ArrayList<>();
            lines.add(String.format("%d consoles of 新山村街道 on one stream each; a case reported in the street, 5 rounds", consoles));
            for (int round = 0; round < 6; round++) {
                String body = "{\"category\":\"E0101\",\"description\":\"fan-out " + round + "\",\"lon\":" + point.getX() + ",\"lat\":"
                        + point.getY() + ",\"channel\":\"CITIZEN\"}";
                HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                        .header("Authorization", auth("citizen")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                long committed = System.nanoTime();
                String id = created.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
                long deadline = System.currentTimeMillis() + 10_000;
                while (System.currentTimeMillis() < deadline && (arrivals.get(id) == null || arrivals.get(id)[consoles] < consoles)) {
                    Thread.sleep(5);
                }
                long[] times = arrivals.getOrDefault(id, new long[consoles + 1]);
                int received = (int) times[consoles];
                long[] delays = Arrays.stream(Arrays.copyOf(times, received)).map(t -> Math.max(0, t - committed)).sorted().toArray();
                if (round == 0) {
                    continue; // warm-up
                }
                lines.add(String.format("round %d: %d/%d consoles reached; p50 %.1f ms, p99 %.1f ms, all within %.1f ms", round, received,
                        consoles, delays.length == 0 ? 0 : delays[delays.length / 2] / 1e6,
                        delays.length == 0 ? 0 : delays[(int) (delays.length * 0.99)] / 1e6,
                        delays.length == 0 ? 0 : delays[delays.length - 1] / 1e6));
                Thread.sleep(500);
            }
            lines.forEach(System.out::println);
            Files.writeString(Path.of("bench", "results", "sse.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } finally {
            app.close();
        }
    }

    private static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
