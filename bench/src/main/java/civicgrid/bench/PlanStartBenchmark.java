package civicgrid.bench;

import civicgrid.CivicGridApplication;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starting a plan with 20 steps (all ready at once: 20 posts and departments) on a case of 新山村街道,
 * over HTTP as the street's center, while {@code BENCH_STREAMS} (default 20, one per post) consoles of
 * the street hold their event streams: the time until the 201 came back (the incident, its 20 tasks,
 * one deadline timer (the steps share their limit), the proposed members and the audit entry committed in one transaction) and until
 * every stream heard the incident. {@code BENCH_ROUNDS} (default 50) after 10 warm-up starts; p50, p99, max.
 * {@code BENCH_STEPS} (default 20, at most 20) sizes the plan: the same run with 1 step shows what the
 * steps themselves cost under the same load.
 * Target: under 50 ms to every task committed and on the posts' streams. Needs only the application's
 * classes (no JMH, no Flowable): {@code bench/run.sh} runs it with the rest.
 */
public final class PlanStartBenchmark {

    private static final String[] POSTS = {"GENERAL_COORDINATION", "PARTY_BUILDING", "ECONOMIC_SERVICE", "ENTERPRISE_SERVICE", "SOCIAL_AFFAIRS",
        "URBAN_MANAGEMENT", "SAFETY_SUPERVISION", "COMPREHENSIVE_GOVERNANCE", "COMPREHENSIVE_ENFORCEMENT"};
    private static final String[] DEPARTMENTS = {"POLICE", "FIRE", "EMERGENCY", "TRAFFIC_POLICE", "POWER", "GAS", "WATER_SUPPLY", "DRAINAGE",
        "CIVIL_AFFAIRS", "HOUSING", "MARKET"};

    private PlanStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int streams = Integer.parseInt(System.getenv().getOrDefault("BENCH_STREAMS", "20"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "50"));
        int steps = Math.min(20, Integer.parseInt(System.getenv().getOrDefault("BENCH_STEPS", "20")));
        int warmUp = 10;
        Path data = Files.createTempDirectory("civicgrid-plan-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicGridApplication.class).run(Map.of(
                "civicgrid.db.embedded-data-dir", data.resolve("pg").toString(), "server.port", "0", "civicgrid.mqtt.embedded-port", "0",
                "logging.level.root", "WARN", "spring.main.banner-mode", "off").entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        try {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String street = auth("xinshancun");
            post(client, base + "/api/v1/response/plans", street, plan(steps));

            Map<String, long[]> heard = new ConcurrentHashMap<>();
            CountDownLatch connected = new CountDownLatch(streams);
            for (int i = 0; i < streams; i++) {
                client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/stream")).header("Authorization", street).GET().build(),
                        HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(line -> {
                            if (line.startsWith("event:hello")) {
                                connected.countDown();
                            }
                            if (line.startsWith("data:") && line.contains("\"incidentId\"")) {
                                long at = System.nanoTime();
                                String id = line.replaceAll(".*\"incidentId\":\"([^\"]+)\".*", "$1");
                                long[] times = heard.computeIfAbsent(id, k -> new long[streams + 1]);
                                synchronized (times) {
                                    times[(int) ++times[streams] - 1] = at;
                                }
                            }
                        }));
            }
            if (!connected.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (streams - connected.getCount()) + " streams connected");
            }
            TerritoryUnit grid = app.getBean(GeoApi.class).requireUnit(UnitCode.of("500104001001001"));
            List<String> cases = new ArrayList<>();
            long[] reports = new long[rounds + warmUp];
            for (int i = 0; i < rounds + warmUp; i++) {
                long before = System.nanoTime();
                String created = post(client, base + "/api/v1/cases", street, "{\"category\":\"E0606\",\"description\":\"预案启动基准 " + i
                        + "\",\"lon\":" + grid.centroidLon() + ",\"lat\":" + grid.centroidLat() + ",\"urgent\":true}");
                reports[i] = System.nanoTime() - before;
                cases.add(created.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"));
            }
            // the yardstick under the same load: one urgent case reported (one case, its stage timer, audit, event)
            long[] measuredReports = Arrays.copyOfRange(reports, warmUp, reports.length);
            Arrays.sort(measuredReports);
            long[] committed = new long[rounds];
            long[] onStreams = new long[rounds];
            AtomicInteger reached = new AtomicInteger();
            for (int i = 0; i < rounds + warmUp; i++) {
                long sent = System.nanoTime();
                String body = post(client, base + "/api/v1/incidents", street, "{\"caseId\":\"" + cases.get(i) + "\",\"planCode\":\"XSC-BENCH-20\"}");
                long answered = System.nanoTime();
                String id = body.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
                long deadline = System.currentTimeMillis() + 10_000;
                while (System.currentTimeMillis() < deadline && (heard.get(id) == null || heard.get(id)[streams] < streams)) {
                    Thread.sleep(1);
                }
                long[] times = heard.get(id);
                if (i >= warmUp) {
                    committed[i - warmUp] = answered - sent;
                    long last = times == null ? 0 : Arrays.stream(Arrays.copyOf(times, (int) times[streams])).max().orElse(0);
                    onStreams[i - warmUp] = Math.max(last, answered) - sent;
                    if (times != null && times[streams] == streams) {
                        reached.incrementAndGet();
                    }
                }
                Thread.sleep(50);
            }
            Arrays.sort(committed);
            Arrays.sort(onStreams);
            String machine = String.format("(%d cores, load average %s)", Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            List<String> lines = List.of(
                    String.format("starting a %d-step plan over HTTP, %d rounds after %d warm-up, %d consoles of the street on their streams %s",
                            steps, rounds, warmUp, streams, machine),
                    String.format("%d tasks committed (201 back): p50 %.1f ms, p99 %.1f ms, max %.1f ms", steps, ms(committed, 0.5),
                            ms(committed, 0.99), ms(committed, 1)),
                    String.format("and on all %d streams: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d/%d rounds reached every stream)", streams,
                            ms(onStreams, 0.5), ms(onStreams, 0.99), ms(onStreams, 1), reached.get(), rounds),
                    String.format("yardstick, same run: reporting one urgent case (POST /api/v1/cases) p50 %.1f ms, p99 %.1f ms",
                            ms(measuredReports, 0.5), ms(measuredReports, 0.99)));
            lines.forEach(System.out::println);
            Files.writeString(Path.of("bench", "results", steps == 20 ? "plan-start.txt" : "plan-start-" + steps + ".txt"),
                    String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } finally {
            app.close();
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    /** A street's plan of {@code count} steps that all start at once, each to a post or a department. */
    private static String plan(int count) {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String holder = i < POSTS.length ? "\"post\":\"" + POSTS[i] + "\"" : "\"department\":\"" + DEPARTMENTS[i - POSTS.length] + "\"";
            steps.append(i == 0 ? "" : ",").append("{\"code\":\"S").append(i).append("\",\"nameZh\":\"步骤").append(i).append("\",")
                    .append(holder).append(",\"deadline\":{\"clock\":\"URGENT_HOURS\",\"amount\":2}}");
        }
        return "{\"code\":\"XSC-BENCH-20\",\"nameZh\":\"二十步基准预案\",\"nameEn\":\"Twenty-step benchmark\",\"territoryCode\":\"500104001\","
                + "\"escalationTarget\":\"DISTRICT\",\"trigger\":{\"categories\":[\"E0606\"],\"manual\":true},\"steps\":[" + steps
                + "],\"checklist\":[]}";
    }

    private static String post(HttpClient client, String url, String auth, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
