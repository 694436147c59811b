package civicgrid.bench;

import civicgrid.geo.domain.GeneratedTerritory;
import civicgrid.geo.domain.GridLocator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.WKBWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point location over all ~65,000 grids of Chongqing, one thread (= one core), three ways:
 * CivicGrid's {@link GridLocator}; a naive loop of JTS prepared {@code contains} over every grid;
 * PostGIS {@code ST_Contains} with a GiST index on the same polygons (the machine's PostgreSQL,
 * {@code BENCH_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/civicgrid_bench}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-XX:+UseParallelGC"})
@Threads(1)
@State(Scope.Benchmark)
public class LocateBenchmark {

    @Param({"uniform", "reports"})
    public String points;

    private CityFixture city;
    private GridLocator locator;
    private PreparedGeometry[] prepared;
    private GeometryFactory factory;
    private double[] xy;
    private int next;
    private Connection connection;
    private PreparedStatement postgis;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        city = new CityFixture();
        locator = city.model.gridLocator();
        factory = city.factory;
        List<GeneratedTerritory.Unit> grids = city.grids();
        prepared = grids.stream().map(g -> PreparedGeometryFactory.prepare(g.geometry())).toArray(PreparedGeometry[]::new);
        xy = city.points(points, 1 << 20, 42);
        connection = DriverManager.getConnection(System.getenv().getOrDefault("BENCH_PG_URL",
                "jdbc:postgresql://127.0.0.1:5432/civicgrid_bench"), System.getenv().getOrDefault("BENCH_PG_USER", "postgres"),
                System.getenv().getOrDefault("BENCH_PG_PASSWORD", ""));
        loadPostgis(connection, grids);
        postgis = connection.prepareStatement("select code from bench_grid where ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))"
                + " order by code limit 1");
    }

    /** Loads the grids once (kept between runs when the count matches) with a GiST index. */
    static void loadPostgis(Connection c, List<GeneratedTerritory.Unit> grids) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create extension if not exists postgis");
            s.execute("create table if not exists bench_grid (code varchar(15) primary key, geom geometry(Geometry, 4326) not null)");
            try (ResultSet rs = s.executeQuery("select count(*) from bench_grid")) {
                rs.next();
                if (rs.getInt(1) == grids.size()) {
                    return;
                }
            }
            s.execute("truncate bench_grid");
        }
        c.setAutoCommit(false);
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement insert = c.prepareStatement("insert into bench_grid values (?, ST_SetSRID(ST_GeomFromWKB(?), 4326))")) {
            int n = 0;
            for (GeneratedTerritory.Unit g : grids) {
                insert.setString(1, g.code());
                insert.setBytes(2, wkb.write(g.geometry()));
                insert.addBatch();
                if (++n % 2000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("create index if not exists bench_grid_gist on bench_grid using gist (geom)");
            s.execute("analyze bench_grid");
        }
        c.commit();
        c.setAutoCommit(true);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        connection.close();
    }

    private int nextIndex() {
        int i = next;
        next = (next + 2) & ((1 << 21) - 1);
        return i;
    }

    @Benchmark
    public int civicGridLocator() {
        int i = nextIndex();
        return locator.locate(xy[i], xy[i + 1]);
    }

    @Benchmark
    public int naiveJtsContains() {
        int i = nextIndex();
        Geometry point = factory.createPoint(new Coordinate(xy[i], xy[i + 1]));
        for (int g = 0; g < prepared.length; g++) {
            if (prepared[g].contains(point)) {
                return g;
            }
        }
        return -1;
    }

    @Benchmark
    public String postgisStContains() throws SQLException {
        int i = nextIndex();
        postgis.setDouble(1, xy[i]);
        postgis.setDouble(2, xy[i + 1]);
        try (ResultSet rs = postgis.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
