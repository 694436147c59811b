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
        properties = {"db-scheduler.polling-interval=200ms",
            // every test but those with loopback addresses of their own (LoopbackClient) comes from 127.0.0.1: room for all of
            // them within an hour; SnapAbuseHttpTest reads these values and goes past them
            "civicgrid.intake.snap.per-address-per-hour=40", "civicgrid.intake.snap.failed-lookups-per-address-per-hour=200",
            "civicgrid.intake.snap.failed-lookups-per-number-per-hour=400",
            // the tests' own client stands in for a TLS proxy; LoopbackClient's other loopback addresses are not trusted
            "civicgrid.security.trusted-proxies=127.0.0.1",
            // the embedded MQTT broker on a free port (SensingApi.embeddedMqttPort() tells which)
            "civicgrid.mqtt.embedded-port=0",
            // never the external broker of a CIVICGRID_MQTT_URL in the environment (ExternalBrokerTest has its own context)
            "civicgrid.mqtt.url=",
            // commands to actuators: unacknowledged ones go out again after 1 s, then 2 s, and fail 4 s after the third send
            "civicgrid.sensing.commands.retry-after=PT1S"})
public @interface ApplicationTest {
}
