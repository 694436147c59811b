package civicgrid.bench;

import civicgrid.CivicGridApplication;
import civicgrid.duty.DutyApi;
import civicgrid.duty.persistence.RegisterStore;
import civicgrid.geo.GeoApi;
import civicgrid.geo.domain.TerritoryModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grid duty at city scale, on the embedded PostgreSQL: one grid worker per grid of the city (~65,000),
 * a people register of {@code BENCH_PEOPLE} (default 10,000,000) residents spread over every grid
 * (11% in a key group), then one day's tasks planned for everybody (time, new tasks, peak heap, and the
 * console's latency while it runs), and a register search by name fragment or ID-number tail inside
 * one street of {@code BENCH_STREET_PEOPLE} (default 45,000) residents (p50/p99 over HTTP). {@code BENCH_PARTS=search}
 * skips the planning.
 */
public final class DutyBenchmark {

    private static final String STREET = "500106004";

    private DutyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long people = Long.parseLong(System.getenv().getOrDefault("BENCH_PEOPLE", "10000000"));
        int streetPeople = Integer.parseInt(System.getenv().getOrDefault("BENCH_STREET_PEOPLE", "45000"));
        // BENCH_PARTS=search measures the register search alone (the people are loaded all the same)
        List<String> parts = List.of(System.getenv().getOrDefault("BENCH_PARTS", "plan,search").split(","));
        Path data = Files.createTempDirectory("civicgrid-duty-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicGridApplication.class).run(LoopBenchmark.arguments(Map.of(
                "civicgrid.db.embedded-data-dir", data.resolve("pg").toString(), "server.port", "0", "civicgrid.mqtt.embedded-port", "0",
                "logging.level.root", "WARN", "spring.main.banner-mode", "off", "civicgrid.duty.demo-people-per-street", "1000",
                // the morning job must not start on its own while the bench plans the day
                "civicgrid.duty.plan-at", "03:33")));
        List<String> lines = new ArrayList<>();
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared with other processes), heap max "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            TerritoryModel model = app.getBean(GeoApi.class).model();
            int grids = model.gridCount();
            String[] codes = new String[grids];
            Double[] lons = new Double[grids];
            Double[] lats = new Double[grids];
            for (int i = 0; i < grids; i++) {
                TerritoryModel.Node grid = model.gridAt(i);
                Point p = grid.geometry().getInteriorPoint();
                codes[i] = grid.code();
                lons[i] = p.getX();
                lats[i] = p.getY();
            }
            long t0 = System.nanoTime();
            int workers = jdbc.update("insert into identity.app_user (id, username, password_hash, display_name, role, enabled, created_at)"
                    + " select gen_random_uuid(), 'bw' || g.code, 'x', g.code || ' 网格员', 'GRID_WORKER', true, now()"
                    + " from unnest(?::varchar[]) g(code) on conflict (username) do nothing", (Object) codes);
            jdbc.update("insert into identity.user_scope (user_id, unit_code) select id, substr(username, 3) from identity.app_user"
                    + " where username like 'bw%' on conflict do nothing");
            lines.add(String.format("setup: %,d grid workers (one per grid of %,d) in %.1f s", workers, grids, (System.nanoTime() - t0) / 1e9));

            t0 = System.nanoTime();
            int perGrid = (int) Math.max(1, people / grids);
            long loaded = 0;
            for (int from = 0; from < grids; from += 4000) {
                int to = Math.min(grids, from + 4000);
                loaded += loadPeople(jdbc, Arrays.copyOfRange(codes, from, to), Arrays.copyOfRange(lons, from, to),
                        Arrays.copyOfRange(lats, from, to), from, perGrid, 1);
            }
            jdbc.execute("analyze duty.person");
            lines.add(String.format("setup: %,d residents (%d per grid, 11%% in a key group) generated in PostgreSQL (insert ... select"
                    + " generate_series, server side) in %.0f s", loaded, perGrid, (System.nanoTime() - t0) / 1e9));

            HttpClient client = HttpClient.newHttpClient();
            if (parts.contains("plan")) {
                // one day's plan for everybody, with the heap and the console watched meanwhile
                DutyApi duty = app.getBean(DutyApi.class);
                LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                System.gc();
                long heapBefore = memory.getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong(heapBefore);
                AtomicBoolean running = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        sleep(50);
                    }
                });
                List<Long> consoleNanos = new ArrayList<>();
                Thread console = new Thread(() -> {
                    while (running.get()) {
                        long s = System.nanoTime();
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                    + "/api/v1/cases?queue=team&size=20")).header("Authorization", auth("xinshancun")).GET().build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                synchronized (consoleNanos) {
                                    consoleNanos.add(System.nanoTime() - s);
                                }
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        sleep(200);
                    }
                });
                sampler.start();
                console.start();
                t0 = System.nanoTime();
                int created = duty.planDay(day);
                double seconds = (System.nanoTime() - t0) / 1e9;
                running.set(false);
                sampler.join();
                console.join();
                long[] c = consoleNanos.stream().mapToLong(Long::longValue).sorted().toArray();
                lines.add(String.format("plan one day for %,d grid workers over %,d residents: %.1f s, %,d tasks created, heap peak %d MB"
                        + " (before %d MB); console queue page meanwhile: %d requests, p50 %.0f ms, p99 %.0f ms", workers, loaded, seconds,
                        created, peak.get() / (1024 * 1024), heapBefore / (1024 * 1024), c.length, c.length == 0 ? 0 : c[c.length / 2] / 1e6,
                        c.length == 0 ? 0 : c[Math.min(c.length - 1, (int) (c.length * 0.99))] / 1e6));
                t0 = System.nanoTime();
                int again = duty.planDay(day);
                lines.add(String.format("the same day planned again (a restart, a second node): %,d new tasks, %.1f s", again,
                        (System.nanoTime() - t0) / 1e9));
            }

            // a street of 45,000 residents searched by a name fragment or an ID-number tail
            List<Integer> streetGrids = new ArrayList<>();
            for (int i = 0; i < grids; i++) {
                if (codes[i].startsWith(STREET)) {
                    streetGrids.add(i);
                }
            }
            long inStreet = jdbc.queryForObject("select count(*) from duty.person where grid_code like ?", Long.class, STREET + "%");
            int extraPerGrid = (int) Math.max(0, (streetPeople - inStreet + streetGrids.size() - 1) / streetGrids.size());
            if (extraPerGrid > 0) {
                loadPeople(jdbc, streetGrids.stream().map(i -> codes[i]).toArray(String[]::new),
                        streetGrids.stream().map(i -> lons[i]).toArray(Double[]::new), streetGrids.stream().map(i -> lats[i]).toArray(Double[]::new),
                        grids, extraPerGrid, 2);
            }
            // what autovacuum does after a bulk load: the visibility map lets the street's search read the covering index alone
            long v0 = System.nanoTime();
            jdbc.execute("vacuum analyze duty.person");
            lines.add(String.format("setup: vacuum analyze of the people register in %.0f s", (System.nanoTime() - v0) / 1e9));
            inStreet = jdbc.queryForObject("select count(*) from duty.person where grid_code like ?", Long.class, STREET + "%");
            List<String> queries = new ArrayList<>();
            jdbc.query("select substr(name, 2, 2), right(id_number, 4) from duty.person where grid_code like ? order by random() limit 150",
                    rs -> {
                        queries.add(rs.getString(1));
                        queries.add(rs.getString(2));
                    }, STREET + "%");
            String[] kinds = {"name fragment", "ID-number tail"};
            for (int k = 0; k < 2; k++) {
                long[] nanos = new long[150];
                for (int i = -20; i < 150; i++) {
                    String q = queries.get(2 * Math.floorMod(i, 150) + k);
                    long s = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/duty/registers/people?unit=" + STREET + "&size=20&q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)))
                            .header("Authorization", auth("ciqikou")).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.body());
                    }
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - s;
                    }
                }
                Arrays.sort(nanos);
                lines.add(String.format("register search in a street of %,d residents (of %,d in the city) by %s, over HTTP: p50 %.1f ms,"
                        + " p99 %.1f ms", inStreet, loaded, kinds[k], nanos[75] / 1e6, nanos[148] / 1e6));
            }
            for (int k = 0; k < 2; k++) {
                // the plan PostgreSQL chose for the page's ids (the store's own query, see RegisterStore.StreetSearch)
                RegisterStore.StreetSearch search = RegisterStore.StreetSearch.of(STREET, queries.get(k), 0, 20);
                List<String> plan = jdbc.queryForList("explain (analyze, costs off, timing off) " + search.sql(), String.class,
                        search.args());
                lines.add("plan of a search by " + kinds[k] + " ('" + queries.get(k) + "'): "
                        + String.join(" | ", plan.stream().map(String::strip).toList()));
            }
            lines.forEach(System.out::println);
            Files.writeString(Path.of("bench", "results", "duty.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } finally {
            app.close();
            LoopBenchmark.deleteQuietly(data);
        }
    }

    /** Residents for a slice of grids, generated by PostgreSQL itself; {@code batch} keeps ID numbers of repeated loads apart. */
    private static int loadPeople(JdbcTemplate jdbc, String[] codes, Double[] lons, Double[] lats, int offset, int perGrid, int batch) {
        return jdbc.update("insert into duty.person (grid_code, name, id_number, phone, address, key_groups, lon, lat, registered_on)"
                + " select g.code,"
                + " (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭'])[1 + (k % 16)::int]"
                + " || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平'])[1 + ((k / 16) % 20)::int]"
                + " || (array['华','英','兰','文','玉','红','建','国','春','海','云','林','峰','萍','成','德','志','晨','宇','欣'])[1 + ((k / 320) % 20)::int],"
                + " lpad(?::text, 1, '0') || '00' || lpad(k::text, 15, '0'),"
                + " '13' || lpad((k % 1000000000)::text, 9, '0'), '重庆市测试路' || s || '号' || (s % 30) || '栋',"
                + " case when k % 100 < 6 then 'LONE_ELDERLY' when k % 100 < 8 then 'LEFT_BEHIND_CHILD' when k % 100 < 10 then 'DISABLED'"
                + " when k % 100 < 11 then 'KEY_PERSON' else '' end,"
                + " g.lon + (s % 17) * 0.00004, g.lat + (s % 13) * 0.00004, date '2025-01-01' + (k % 400)::int"
                + " from unnest(?::varchar[], ?::float8[], ?::float8[]) with ordinality g(code, lon, lat, n),"
                + " generate_series(1, ?) s, lateral (select ((g.n + ?) * 100000 + s)::bigint as k) key",
                batch, codes, lons, lats, perGrid, offset);
    }

    private static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
