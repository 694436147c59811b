package civicgrid.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash drill: the packaged jar ({@code java -jar}, embedded PostgreSQL with its defaults) takes
 * reports at full speed with an {@code Idempotency-Key} each, is killed with {@code kill -9} in the
 * middle of the stream, and is started again with the same command on the same data directory
 * (every second round its PostgreSQL is killed with it, as an OOM kill or a container stop would).
 * After every restart: each acknowledged (2xx) report is still readable, replaying every key sent
 * (acknowledged or in flight when the process died) creates no second case, no description appears
 * twice in the database, and the audit chain verifies. Figures go to {@code bench/results/crash-drill.txt}.
 *
 * <p>Settings: {@code DRILL_JAR} (default {@code app/target/civicgrid-0.1.0.jar}), {@code DRILL_ROUNDS}
 * (kills, 3), {@code DRILL_THREADS} (4), {@code DRILL_LOAD_SECONDS} (load before each kill, 12 ± 3).
 */
public final class CrashDrill {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DB_PORT = Pattern.compile("Embedded PostgreSQL started on port (\\d+)");
    private static final Pattern ORPHAN_STOPPED = Pattern.compile("orphaned embedded PostgreSQL \\(PID (\\d+)\\) stopped after (\\d+) ms");

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final String base;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final CloseableHttpClient http;
    private final HttpClient reader = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** key → case id of every report answered with 2xx. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** keys sent whose answer never came (the process died under them). */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final List<double[]> points = new ArrayList<>();
    private Process server;
    /** Lines the log had before the latest start: what follows is that run's. */
    private int logLinesBefore;

    private CrashDrill(Path jar, Path dataDir, int port, Path log) {
        this.command = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString());
        // a free MQTT port: the machine may run a broker on 1883
        this.environment = Map.of("SERVER_PORT", String.valueOf(port), "CIVICGRID_DB_EMBEDDED_DATA_DIR", dataDir.toString(),
                "CIVICGRID_MQTT_EMBEDDED_PORT", "0");
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(64).setMaxConnPerRoute(64).build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(5))
                        .setResponseTimeout(Timeout.ofSeconds(30)).build())
                .disableAutomaticRetries().build();
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getenv().getOrDefault("DRILL_JAR", "app/target/civicgrid-0.1.0.jar")).toAbsolutePath();
        int rounds = Integer.parseInt(System.getenv().getOrDefault("DRILL_ROUNDS", "3"));
        int threads = Integer.parseInt(System.getenv().getOrDefault("DRILL_THREADS", "4"));
        int loadSeconds = Integer.parseInt(System.getenv().getOrDefault("DRILL_LOAD_SECONDS", "12"));
        Path data = Files.createTempDirectory("civicgrid-crash-drill");
        CrashDrill drill = new CrashDrill(jar, data.resolve("pg"), freePort(), data.resolve("app.log"));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("machine: %d cores, Java %s, load average %s at the start; %d client threads; kill -9 after %d±3 s of load;"
                + " %d rounds", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage(), threads,
                loadSeconds, rounds));
        lines.add("command: " + String.join(" ", drill.command) + " with " + drill.environment);
        lines.forEach(System.out::println);
        boolean allPassed = true;
        try {
            double firstStart = drill.start();
            lines.add(String.format("first start (generates the demo city): %.1f s to health UP", firstStart));
            System.out.println(lines.get(lines.size() - 1));
            drill.pickPoints();
            SplittableRandom random = new SplittableRandom();
            for (int round = 1; round <= rounds; round++) {
                boolean databaseToo = round % 2 == 0;
                String load = drill.loadAndKill(threads, loadSeconds - 3 + random.nextInt(7), databaseToo);
                double restart = drill.start();
                Verdict verdict = drill.verify();
                allPassed &= verdict.passed();
                String line = String.format("round %d: %s; restart %.1f s to health UP (%s); %s", round, load, restart,
                        drill.lastLogLine(ORPHAN_STOPPED).map(m -> "orphan PID " + m.group(1) + " stopped in " + m.group(2) + " ms")
                                .orElse(databaseToo ? "PostgreSQL recovered from its WAL" : "NO ORPHAN STOPPED"), verdict);
                System.out.println(line);
                lines.add(line);
            }
            lines.add("result: " + (allPassed ? "PASS" : "FAIL")
                    + " (no acknowledged report lost, no duplicate, audit chain valid, one server on the data dir, fsync on: every round)");
            System.out.println(lines.get(lines.size() - 1));
            Path results = Path.of("bench", "results");
            if (Files.isDirectory(results)) {
                Files.writeString(results.resolve("crash-drill.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            }
        } finally {
            drill.stop();
            drill.http.close();
            if (allPassed) {
                LoopBenchmark.deleteQuietly(data);
            } else {
                System.out.println("data and log kept in " + data);
            }
        }
        System.exit(allPassed ? 0 : 1);
    }

    /** Starts the jar with the same command every time and waits for health UP; seconds taken. */
    private double start() throws Exception {
        logLinesBefore = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1).size() : 0;
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        server = builder.start();
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("CivicGrid exited with " + server.exitValue() + " during start; see " + log);
            }
            try {
                HttpResponse<String> health = reader.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
    }

    /** Places inside the city near 大渡口区's centre, checked with the locate API. */
    private void pickPoints() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        while (points.size() < 200) {
            double lon = 106.40797 + (random.nextDouble() - 0.5) * 0.04;
            double lat = 29.34562 + (random.nextDouble() - 0.5) * 0.04;
            if (get("/api/v1/geo/locate?lon=" + lon + "&lat=" + lat, "admin").statusCode() == 200) {
                points.add(new double[] {lon, lat});
            }
        }
    }

    /** Reports from {@code threads} threads until {@code kill -9} after {@code seconds}; what happened. */
    private String loadAndKill(int threads, int seconds, boolean databaseToo) throws Exception {
        long ackBefore = acknowledged.size();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    String key = "drill-" + runId + "-" + sequence.incrementAndGet();
                    inFlight.add(key);
                    try {
                        Answer answer = report(key);
                        if (answer.status() / 100 == 2) {
                            acknowledged.put(key, answer.caseId());
                            inFlight.remove(key);
                        } else {
                            rejected.incrementAndGet();
                            inFlight.remove(key);
                        }
                    } catch (IOException dead) {
                        // no answer: the key stays in flight, its report may or may not have been committed
                    }
                }
            }, "drill-" + t);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(seconds * 1000L);
        long pid = server.pid();
        running.set(false); // requests already sent stay in flight; no new ones go to a dead server
        server.destroyForcibly(); // SIGKILL
        server.waitFor(30, TimeUnit.SECONDS);
        String killed = "kill -9 of CivicGrid (PID " + pid + ")";
        if (databaseToo) {
            killed += " and of its PostgreSQL (" + killDatabase() + " processes)";
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return String.format("%d reports acknowledged in %d s (%.0f/s), %d in flight at the %s, %d rejected so far",
                acknowledged.size() - ackBefore, seconds, (acknowledged.size() - ackBefore) / (double) seconds, inFlight.size(), killed,
                rejected.get());
    }

    /**
     * SIGKILL to the postmaster and every backend, as when the OOM killer or a container stop takes
     * the whole process tree: the next start finds a stale pid file and PostgreSQL replays its WAL.
     */
    private int killDatabase() throws Exception {
        Path pidFile = Path.of(environment.get("CIVICGRID_DB_EMBEDDED_DATA_DIR"), "postmaster.pid");
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim())).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(postmaster.descendants().toList());
        tree.add(postmaster);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        return tree.size();
    }

    private Verdict verify() throws Exception {
        long lost = 0;
        for (String caseId : acknowledged.values()) {
            if (get("/api/v1/cases/" + caseId, "admin").statusCode() != 200) {
                lost++;
            }
        }
        long replayedToOtherCase = 0;
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            Answer again = report(ack.getKey());
            if (again.status() != 200 || !ack.getValue().equals(again.caseId())) {
                replayedToOtherCase++;
            }
        }
        long committedUnanswered = 0;
        for (String key : List.copyOf(inFlight)) {
            Answer again = report(key);
            if (again.status() == 200) {
                committedUnanswered++; // the report was committed but the answer died with the process
            }
            if (again.status() / 100 == 2) {
                acknowledged.put(key, again.caseId());
                inFlight.remove(key);
            }
        }
        long[] counts = caseCounts();
        String fsync = databaseSetting("fsync");
        JsonNode audit = JSON.readTree(get("/api/v1/audit/verify", "admin").body());
        long postmasters = postmastersOn(environment.get("CIVICGRID_DB_EMBEDDED_DATA_DIR"));
        return new Verdict(acknowledged.size(), lost, replayedToOtherCase, committedUnanswered, counts[0], counts[0] - counts[1],
                audit.path("valid").asBoolean(), audit.path("sealedEntries").asLong(), postmasters, fsync);
    }

    record Verdict(long acknowledgedSoFar, long lost, long replayedToOtherCase, long committedUnanswered, long drillCases,
                   long duplicates, boolean auditValid, long auditEntries, long postmasters, String fsync) {

        boolean passed() {
            return lost == 0 && replayedToOtherCase == 0 && duplicates == 0 && auditValid && drillCases == acknowledgedSoFar && postmasters == 1
                    && fsync.equals("on");
        }

        @Override
        public String toString() {
            return String.format("acknowledged so far %d, lost %d, replays answered with another case %d, in-flight reports found committed %d,"
                            + " drill cases in the database %d, duplicate descriptions %d, audit chain %s (%d entries), postmasters on the data dir %d,"
                            + " fsync %s",
                    acknowledgedSoFar, lost, replayedToOtherCase, committedUnanswered, drillCases, duplicates, auditValid ? "valid" : "BROKEN",
                    auditEntries, postmasters, fsync);
        }
    }

    /** The last match of {@code pattern} in the latest run's part of the log. */
    private Optional<Matcher> lastLogLine(Pattern pattern) throws IOException {
        Matcher last = null;
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        for (String line : lines.subList(logLinesBefore, lines.size())) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Cases of this drill in the database and how many distinct descriptions (one per key) they carry. */
    private long[] caseCounts() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), count(distinct description) from cases.case_file where description like 'crash drill "
                     + runId + " %'")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private String databaseSetting(String name) throws Exception {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The embedded server of the latest run, on the port it logged. */
    private Connection database() throws Exception {
        Matcher port = lastLogLine(DB_PORT).orElseThrow(() -> new IllegalStateException("no embedded PostgreSQL port in " + log));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port.group(1) + "/postgres", "postgres", "postgres");
    }

    /** PostgreSQL servers whose command line names this data directory: 1 after a clean takeover. */
    private static long postmastersOn(String dataDir) {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0])).contains("-D " + dataDir + " ")).count();
    }

    private Answer report(String key) throws IOException {
        long n = Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
        double[] p = points.get((int) (n % points.size()));
        String json = "{\"category\":\"E0101\",\"description\":\"crash drill " + runId + " " + key + "\",\"lon\":" + p[0] + ",\"lat\":" + p[1]
                + ",\"channel\":\"CITIZEN\"}";
        HttpPost post = new HttpPost(base + "/api/v1/cases");
        post.setHeader("Authorization", basic("citizen"));
        post.setHeader("Idempotency-Key", key);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        return http.execute(post, response -> {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Answer(response.getCode(), response.getCode() / 100 == 2 ? JSON.readTree(body).path("id").asText() : null);
        });
    }

    record Answer(int status, String caseId) {
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return reader.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy(); // SIGTERM: a graceful stop that also stops the embedded server
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
