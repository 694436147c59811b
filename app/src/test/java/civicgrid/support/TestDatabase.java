package civicgrid.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the application under test at a fresh database. */
public final class TestDatabase {

    private static final Path DATA_DIR = Path.of("target", "it-postgres");
    private static boolean wiped;

    private TestDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        String external = System.getenv("CIVICGRID_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            registry.add("civicgrid.db.url", () -> external);
            registry.add("civicgrid.db.username", () -> System.getenv().getOrDefault("CIVICGRID_TEST_DB_USERNAME", "postgres"));
            registry.add("civicgrid.db.password", () -> System.getenv().getOrDefault("CIVICGRID_TEST_DB_PASSWORD", ""));
            return;
        }
        if (!wiped) {
            deleteRecursively(DATA_DIR);
            wiped = true;
        }
        registry.add("civicgrid.db.embedded-data-dir", DATA_DIR::toString);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
