package civicgrid.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The embedded server as a default start makes it (its own data directory, not the shared test
 * context's): commits reach the disk, and a start finds and stops a server that a killed JVM left
 * running on the same directory, then opens the data written before.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path temp;

    @Test
    void theDefaultConfigurationSyncsCommitsToDisk() throws SQLException {
        DatabaseProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of("civicgrid.db.embedded-data-dir",
                temp.resolve("pg").toString()))).bindOrCreate("civicgrid.db", DatabaseProperties.class);
        assertThat(defaults.embeddedFsync()).isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(defaults.embeddedDataDir(), defaults.embeddedPort(),
                defaults.embeddedFsync()); Connection c = connect(server)) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aStartStopsTheServerAKilledJvmLeftRunningAndKeepsItsData() throws Exception {
        Path dataDir = temp.resolve("pg");
        Process jvm = startServerInAnotherJvm(dataDir);
        jvm.destroyForcibly().waitFor(60, TimeUnit.SECONDS); // kill -9: the JVM gets no chance to stop its server
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle orphan = ProcessHandle.of(orphanPid).orElseThrow();
        assertThat(orphan.isAlive()).as("the killed JVM's PostgreSQL outlives it").isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, true); Connection c = connect(server);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select note from written_before_the_crash")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("acknowledged");
            assertThat(orphan.isAlive()).as("the orphan was stopped, not left beside the new server").isFalse();
        } finally {
            if (orphan.isAlive()) {
                orphan.destroy();
            }
        }
    }

    @Test
    void aStartLeavesTheServerOfARunningJvmAlone() throws Exception {
        Path dataDir = temp.resolve("pg");
        Process jvm = startServerInAnotherJvm(dataDir);
        long serverPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        try {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, true)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use").hasMessageContaining("still running");
            assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive)).as("the running JVM's server was not touched").contains(true);
        } finally {
            jvm.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            OrphanedPostmaster.find(dataDir).ifPresent(OrphanedPostmaster::stop);
        }
    }

    /** A child JVM that has started a server on {@code dataDir} and committed a row; it waits to be killed. */
    private Process startServerInAnotherJvm(Path dataDir) throws Exception {
        Path ready = temp.resolve("ready");
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), ServerThatWritesARow.class.getName(), dataDir.toString(), ready.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile()).start();
        try {
            awaitFile(ready, jvm);
        } catch (AssertionError | RuntimeException e) {
            jvm.destroyForcibly();
            throw e;
        }
        return jvm;
    }

    /** Run in a child JVM: starts the server through the production path, commits a row, says so, waits to be killed. */
    static final class ServerThatWritesARow {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, true);
            try (Connection c = connect(server); Statement s = c.createStatement()) {
                s.execute("create table written_before_the_crash (note text)");
                s.execute("insert into written_before_the_crash values ('acknowledged')");
            }
            Files.writeString(Path.of(args[1]), "ready");
            Thread.sleep(Duration.ofMinutes(10).toMillis());
        }
    }

    private static void awaitFile(Path file, Process jvm) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!Files.exists(file)) {
            assertThat(jvm.isAlive()).as("the child JVM died before its server was ready").isTrue();
            assertThat(System.nanoTime()).as("the child JVM's server never became ready").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
