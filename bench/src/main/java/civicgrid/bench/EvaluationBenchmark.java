package civicgrid.bench;

import civicgrid.CivicGridApplication;
import civicgrid.evaluation.app.Scorecards;
import civicgrid.evaluation.domain.Grouping;
import civicgrid.evaluation.domain.Period;
import civicgrid.evaluation.persistence.TallyStore;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scorecards of 大渡口区 over a year of about 2,000,000 cases (≈ 5,500 a day). The per-day figures
 * such a year leaves are loaded directly (what the event-maintained tally would hold: every grid,
 * community, street and the district per day; ten department instances, one collector, two
 * dispatchers and eight handlers per grid and day), the application is restarted (PostgreSQL's
 * buffers empty), and each grouping's scorecards for the year are timed cold (first query) and warm
 * (median of 10).
 */
public final class EvaluationBenchmark {

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("civicgrid-evaluation-bench");
        Map<String, String> settings = Map.of("civicgrid.db.embedded-data-dir", data.resolve("pg").toString(), "server.port", "0",
                "civicgrid.mqtt.embedded-port", "0", "logging.level.root", "WARN", "spring.main.banner-mode", "off",
                "civicgrid.evaluation.discovery-interval", "P1000D");
        List<String> lines = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            try (ConfigurableApplicationContext loading = new SpringApplicationBuilder(CivicGridApplication.class)
                    .run(LoopBenchmark.arguments(settings))) {
                JdbcTemplate jdbc = loading.getBean(JdbcTemplate.class);
                long rows = load(jdbc, grids(loading.getBean(GeoApi.class), "500104"));
                lines.add(String.format("loaded %,d per-day rows (a year of ~2,000,000 cases in 大渡口区) in %.0f s", rows,
                        (System.nanoTime() - t0) / 1e9));
                long m0 = System.nanoTime();
                long months = loading.getBean(TallyStore.class).rebuildMonths();
                jdbc.execute("analyze evaluation.tally_month");
                lines.add(String.format("made %,d monthly rows from them in %.0f s", months, (System.nanoTime() - m0) / 1e9));
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicGridApplication.class)
                    .run(LoopBenchmark.arguments(settings))) {
                Scorecards scorecards = app.getBean(Scorecards.class);

                for (String period : List.of("2025", "2025-W23")) {
                    for (Grouping by : List.of(Grouping.DISTRICT, Grouping.STREET, Grouping.COMMUNITY, Grouping.GRID, Grouping.DEPARTMENT,
                            Grouping.PERSON)) {
                        long c0 = System.nanoTime();
                        Period p = Period.parse(period);
                        int items = scorecards.sheet(UnitCode.of("500104"), p, by).items().size();
                        double cold = (System.nanoTime() - c0) / 1e6;
                        double[] warm = new double[10];
                        for (int i = 0; i < warm.length; i++) {
                            long w0 = System.nanoTime();
                            scorecards.sheet(UnitCode.of("500104"), p, by);
                            warm[i] = (System.nanoTime() - w0) / 1e6;
                        }
                        Arrays.sort(warm);
                        lines.add(String.format("scorecards of 500104 for %-8s by %-10s %5d subjects: cold %6.1f ms, warm median %6.1f ms",
                                period, by.name().toLowerCase(), items, cold, warm[warm.length / 2]));
                    }
                }
            }
            lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores");
            lines.forEach(System.out::println);
            Files.writeString(Path.of("bench", "results", "evaluation.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } finally {
            LoopBenchmark.deleteQuietly(data);
        }
    }

    static List<String> grids(GeoApi geo, String district) {
        List<String> out = new ArrayList<>();
        List<TerritoryUnit> queue = new ArrayList<>(geo.children(UnitCode.of(district)));
        while (!queue.isEmpty()) {
            TerritoryUnit u = queue.remove(queue.size() - 1);
            if (u.level() == TerritoryLevel.GRID) {
                out.add(u.code());
            } else {
                queue.addAll(geo.children(UnitCode.of(u.code())));
            }
        }
        return out;
    }

    /** The figures of 2025: counts drawn so that the grids' days add up to ~5,500 cases a day. */
    private static long load(JdbcTemplate jdbc, List<String> grids) {
        int perGridDay = Math.max(1, 5500 / grids.size());
        String counts = String.join(", ", List.of("n_reported", "n_reported_registered", "n_verified", "n_verified_on_time", "n_registered",
                "n_registered_on_time", "n_dispatched", "n_dispatched_on_time", "n_dispatched_accurately", "n_due", "n_handled",
                "n_handled_on_time", "n_overdue", "n_reworked", "n_checked", "n_checked_on_time", "n_closed", "n_rated", "n_satisfied"));
        String values = "r, r - r / 10, r, r - r / 8, r - r / 10, r - r / 12, r - r / 10, r - r / 11, r - r / 9, r - r / 10,"
                + " r - r / 10 - 1, r - r / 5, r / 10, r / 20, r - r / 10, r - r / 9, r - r / 6, r / 3, r / 4";
        String days = "(select gs::date as d from generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') gs)";
        Object[] gridArray = {grids.toArray(String[]::new)};
        // grids: r cases a day around the mean
        jdbc.update("insert into evaluation.tally (kind, territory, subject, day, " + counts + ") select 'GRID', g, g, d, " + values
                + " from (select g, d, (" + perGridDay + " * (0.5 + random()))::int + 1 as r from unnest(?::text[]) g, " + days + " dd) x",
                gridArray);
        for (String[] level : List.of(new String[] {"COMMUNITY", "12"}, new String[] {"STREET", "9"}, new String[] {"DISTRICT", "6"})) {
            jdbc.update("insert into evaluation.tally (kind, territory, subject, day, " + counts + ") select '" + level[0] + "', u, u, day, "
                    + Arrays.stream(counts.split(", ")).map(c -> "sum(" + c + ")").reduce((a, b) -> a + ", " + b).orElseThrow()
                    + " from (select substring(territory, 1, " + level[1] + ") u, * from evaluation.tally where kind = 'GRID') t group by u, day");
        }
        // per grid and day: ten department instances, one collector, two of twenty dispatchers, eight of two hundred handlers
        String[][] people = {{"DEPARTMENT", "'500104:DEPT' || k", "10", "1"}, {"COLLECTOR", "'gw.' || g", "1", "1"},
            {"DISPATCHER", "'dispatcher.' || ((k + abs(hashtext(g))) % 20)", "2", "1"},
            {"HANDLER", "'handler.' || ((k * 25 + abs(hashtext(g))) % 200)", "8", "1"}};
        for (String[] p : people) {
            jdbc.update("insert into evaluation.tally (kind, territory, subject, day, " + counts + ") select '" + p[0] + "', g, " + p[1]
                    + ", d, " + values + " from (select g, d, k, (" + perGridDay + " / " + p[2] + " * (0.5 + random()))::int + 1 as r"
                    + " from unnest(?::text[]) g, " + days + " dd, generate_series(1, " + p[2] + ") k) x"
                    + " on conflict (kind, territory, subject, day) do nothing", gridArray);
        }
        jdbc.execute("analyze evaluation.tally");
        return jdbc.queryForObject("select count(*) from evaluation.tally", Long.class);
    }
}
