package civicgrid.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port against a real PostgreSQL: the embedded one (fresh data
 * directory per test run), or the server named by {@code CIVICGRID_TEST_DB_URL}. Every test class
 * uses this one configuration, so Spring starts the application once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"db-scheduler.polling-interval=200ms"})
public @interface ApplicationTest {
}
