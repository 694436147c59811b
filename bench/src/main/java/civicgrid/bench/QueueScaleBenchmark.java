package civicgrid.bench;

import civicgrid.CivicGridApplication;
import civicgrid.cases.CaseState;
import civicgrid.cases.Channel;
import civicgrid.cases.NewReport;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.cases.domain.Actor;
import civicgrid.cases.domain.CaseFile;
import civicgrid.geo.GeoApi;
import civicgrid.identity.Role;
import civicgrid.identity.TerritorialScope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scale: a district holding {@code BENCH_CASES} (default 2,000,000) open cases with as many pending
 * deadline timers. Measures the district operator's first queue page over HTTP (p50/p99 of 200
 * requests) and intake throughput before and after the load, on the embedded PostgreSQL.
 */
public final class QueueScaleBenchmark {

    private QueueScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = Integer.parseInt(System.getenv().getOrDefault("BENCH_CASES", "2000000"));
        Path data = Files.createTempDirectory("civicgrid-scale-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicGridApplication.class).run(arguments(Map.of(
                "civicgrid.db.embedded-data-dir", data.resolve("pg").toString(), "server.port", "0", "civicgrid.mqtt.embedded-port", "0", "logging.level.root", "WARN",
                "spring.main.banner-mode", "off")));
        List<String> lines = new ArrayList<>();
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            CaseWorkflow workflow = app.getBean(CaseWorkflow.class);
            GeoApi geo = app.getBean(GeoApi.class);
            lines.add("intake before the load: " + intake(workflow, geo, 15));
            long t0 = System.nanoTime();
            load(jdbc, cases);
            lines.add(String.format("loaded %,d open cases in 大渡口区 and %,d pending timers in %.0f s", cases, cases,
                    (System.nanoTime() - t0) / 1e9));
            lines.add("queue page, district operator over 2M open cases (team queue, 20 per page): " + queue(port, "team", 200));
            lines.add("queue page, overdue only: " + queue(port, "overdue", 100));
            lines.add("intake with the load in place: " + intake(workflow, geo, 15));
            lines.forEach(System.out::println);
            Files.writeString(Path.of("bench", "results", "scale.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } finally {
            app.close();
        }
    }

    static String[] arguments(Map<String, String> settings) {
        return LoopBenchmark.arguments(settings);
    }

    /** Bulk rows shaped like real ones: open, spread over the district's grids, deadlines spread over a month. */
    private static void load(JdbcTemplate jdbc, int count) {
        int chunk = 200_000;
        for (int from = 0; from < count; from += chunk) {
            int to = Math.min(count, from + chunk);
            jdbc.update("insert into cases.case_file (id, number, version, channel, category_code, category_version, description, urgent,"
                    + " lon, lat, grid_code, community_code, street_code, district_code, reporter, reported_at, state, handling_level,"
                    + " assignment_instance, assignment_code, assignment_level, stage_seq, stage_full_clock, stage_full_amount,"
                    + " stage_clock, stage_amount, stage_started_at, stage_warning_at, stage_deadline, warned, overdue, ever_overdue,"
                    + " returns, reworks, supervisions, escalations, postponements, is_open, updated_at)"
                    + " select gen_random_uuid(), 'BENCH' || g, 0, 'CITIZEN', 'E0101', 1, 'bench', (g % 97 = 0), 106.45, 29.40,"
                    + " '500104001001' || lpad(((g % 9) + 1)::text, 3, '0'), '500104001001', '500104001', '500104', 'bench',"
                    + " now() - (g % 1000) * interval '1 minute', 'DISPATCHED', 'STREET', '500104:SANITATION', 'SANITATION',"
                    + " 'DISTRICT', 4, 'WORK_HOURS', 4, 'WORK_HOURS', 4, now(), now() + (g % 43200) * interval '1 minute',"
                    + " now() + (g % 43200) * interval '1 minute' + interval '1 hour', false, (g % 13 = 0), (g % 13 = 0), 0, 0, 0, 0, 0,"
                    + " true, now() from generate_series(?, ?) g", from, to - 1);
            jdbc.update("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)"
                    + " select 'bench-deadline', 'bench-' || g, null, now() + interval '30 days' + (g % 43200) * interval '1 minute',"
                    + " false, 1 from generate_series(?, ?) g", from, to - 1);
        }
        jdbc.execute("analyze cases.case_file");
        jdbc.execute("analyze scheduled_tasks");
    }

    private static String queue(int port, String queue, int requests) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("dadukou:demo".getBytes(StandardCharsets.UTF_8));
        long[] nanos = new long[requests];
        String total = "";
        for (int i = -20; i < requests; i++) {
            int page = Math.max(0, i) % 5;
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/cases?queue=" + queue + "&size=20&page=" + page)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.body());
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
            total = r.body().replaceAll(".*\"total\":(\\d+),\"totalCapped\":(true|false).*", "$1 capped=$2");
        }
        Arrays.sort(nanos);
        return String.format("p50 %.1f ms, p99 %.1f ms (total shown: %s)", nanos[requests / 2] / 1e6,
                nanos[(int) (requests * 0.99)] / 1e6, total);
    }

    private static String intake(CaseWorkflow workflow, GeoApi geo, int seconds) throws InterruptedException {
        Actor reporter = new Actor("bench.citizen", Role.CITIZEN, TerritorialScope.none(), null);
        SplittableRandom random = new SplittableRandom(3);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            var p = geo.model().gridAt(random.nextInt(geo.model().gridCount())).geometry().getInteriorPoint();
            points.add(new double[] {p.getX(), p.getY()});
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                for (int i = offset; !stop.get(); i += 8) {
                    double[] p = points.get(i % points.size());
                    CaseFile f = workflow.report(new NewReport("E0101", "12345 bench", p[0], p[1], false, Channel.HOTLINE_12345),
                            reporter, null).file();
                    if (f.state() == CaseState.DISPATCHED) {
                        done.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        long begin = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return String.format("%.0f reports/s dispatched (8 threads, %d s)", done.get() / ((System.nanoTime() - begin) / 1e9), seconds);
    }
}
