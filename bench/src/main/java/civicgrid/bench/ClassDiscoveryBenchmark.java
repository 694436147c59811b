package civicgrid.bench;

import civicgrid.CivicGridApplication;
import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Category;
import civicgrid.evaluation.app.ClassDiscovery;
import civicgrid.evaluation.domain.CasePoints;
import civicgrid.evaluation.domain.ClassFinder;
import civicgrid.evaluation.persistence.CaseFactStore;
import civicgrid.geo.GeoApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Class discovery over 90 days of 大渡口区 at the scale of the scorecard benchmark (about 2,000,000
 * cases a year, so ≈ 5,500 a day: {@code BENCH_CASES_PER_DAY}). The cases evaluation keeps
 * ({@code evaluation.case_fact}) are loaded straight: each in one of the district's 727 grids
 * (within ~150 m of the grid's inner point), a category drawn from the catalog with a skew (a few
 * categories make most reports, as in the real intake), reported at a random moment of the last 90
 * days. Then {@code ClassDiscovery.discover(500104)} is timed: the first run (PostgreSQL's buffers
 * just loaded, proposals inserted) and the median of 5 more (proposals updated in place), with its
 * parts: reading the points, and the clustering alone.
 */
public final class ClassDiscoveryBenchmark {

    private ClassDiscoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perDay = Integer.parseInt(System.getenv().getOrDefault("BENCH_CASES_PER_DAY", "5500"));
        Path data = Files.createTempDirectory("civicgrid-discovery-bench");
        Map<String, String> settings = Map.of("civicgrid.db.embedded-data-dir", data.resolve("pg").toString(), "server.port", "0",
                "civicgrid.mqtt.embedded-port", "0", "logging.level.root", "WARN", "spring.main.banner-mode", "off",
                "civicgrid.evaluation.discovery-interval", "P1000D");
        List<String> lines = new ArrayList<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicGridApplication.class)
                .run(LoopBenchmark.arguments(settings))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            GeoApi geo = app.getBean(GeoApi.class);
            long t0 = System.nanoTime();
            long rows = load(jdbc, geo, app.getBean(CatalogApi.class), perDay * 90);
            lines.add(String.format("loaded %,d cases of 500104 over 90 days (%,d a day) in %.0f s", rows, perDay,
                    (System.nanoTime() - t0) / 1e9));

            ClassDiscovery discovery = app.getBean(ClassDiscovery.class);
            CaseFactStore facts = app.getBean(CaseFactStore.class);
            long c0 = System.nanoTime();
            int found = discovery.discover("500104");
            double cold = (System.nanoTime() - c0) / 1e6;
            double[] warm = new double[5];
            for (int i = 0; i < warm.length; i++) {
                long w0 = System.nanoTime();
                discovery.discover("500104");
                warm[i] = (System.nanoTime() - w0) / 1e6;
            }
            Arrays.sort(warm);
            Instant now = Instant.now();
            long r0 = System.nanoTime();
            CasePoints points = facts.points("500104", now.minus(ClassDiscovery.SCANNED), now);
            double read = (System.nanoTime() - r0) / 1e6;
            long f0 = System.nanoTime();
            List<ClassFinder.Found> classes = new ClassFinder(ClassFinder.Settings.DEFAULT).find(points, discovery.districtSquareMeters("500104"));
            double cluster = (System.nanoTime() - f0) / 1e6;
            long inClasses = classes.stream().mapToLong(f -> f.caseIds().size()).sum();
            lines.add(String.format("class discovery of 500104 over 90 days: first %.0f ms, then median of 5 %.0f ms (%d classes, %,d cases in them)",
                    cold, warm[warm.length / 2], found, inClasses));
            lines.add(String.format("  of which reading %,d points %.0f ms, clustering them %.0f ms", points.size(), read, cluster));
            lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                    + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            lines.forEach(System.out::println);
            Files.writeString(Path.of("bench", "results", "class-discovery.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } finally {
            LoopBenchmark.deleteQuietly(data);
        }
    }

    /** The district's cases of the last 90 days, generated in PostgreSQL. */
    private static long load(JdbcTemplate jdbc, GeoApi geo, CatalogApi catalog, int cases) {
        List<String> grids = EvaluationBenchmark.grids(geo, "500104");
        Double[] lons = new Double[grids.size()];
        Double[] lats = new Double[grids.size()];
        for (int i = 0; i < grids.size(); i++) {
            Point p = geo.model().node(grids.get(i)).orElseThrow().geometry().getInteriorPoint();
            lons[i] = p.getX();
            lats[i] = p.getY();
        }
        String[] categories = catalog.categories(false).stream().map(Category::code).toArray(String[]::new);
        jdbc.update("insert into evaluation.case_fact (case_id, number, category_code, district_code, grid_code, road_segment_code, lon, lat,"
                        + " reported_at, state, contributions, updated_at)"
                        + " select gen_random_uuid(), 'B' || i, (?::text[])[1 + floor(? * power(random(), 2))::int], '500104', (?::text[])[g], null,"
                        + " (?::float8[])[g] + (random() - 0.5) * 0.003, (?::float8[])[g] + (random() - 0.5) * 0.003,"
                        + " now() - random() * interval '90 days', 'CLOSED', '', now()"
                        + " from (select i, 1 + floor(random() * ?)::int as g from generate_series(1, ?) i) x",
                categories, categories.length, grids.toArray(String[]::new), lons, lats, grids.size(), cases);
        jdbc.execute("analyze evaluation.case_fact");
        return jdbc.queryForObject("select count(*) from evaluation.case_fact where district_code = '500104'", Long.class);
    }
}
