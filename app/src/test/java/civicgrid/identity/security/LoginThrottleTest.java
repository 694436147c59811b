package civicgrid.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Waits per (account, address) and per address: growing, capped, forgotten, never on other addresses. */
class LoginThrottleTest {

    private static final String ATTACKER = "198.51.100.66";
    private static final String OWNER = "203.0.113.5";

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void pass(Duration d) {
            now = now.plus(d);
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(null, null, null, null, null), clock);

    private Optional<Duration> failUntilRefused(String account, String address) {
        for (int i = 0; i < 100; i++) {
            throttle.failed(account, address);
            Optional<Duration> wait = throttle.refusal(account, address);
            if (wait.isPresent()) {
                return wait;
            }
        }
        throw new AssertionError("never refused");
    }

    @Test
    void fiveFailuresFromOneAddressMakeItWaitOneSecondThenTwoThenFour() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", ATTACKER);
            assertThat(throttle.refusal("admin", ATTACKER)).as("failure " + (i + 1)).isEmpty();
        }
        throttle.failed("admin", ATTACKER);
        assertThat(throttle.refusal("admin", ATTACKER)).contains(Duration.ofSeconds(1));
        clock.pass(Duration.ofSeconds(1));
        assertThat(throttle.refusal("admin", ATTACKER)).isEmpty();
        throttle.failed("admin", ATTACKER);
        assertThat(throttle.refusal("admin", ATTACKER)).contains(Duration.ofSeconds(2));
        clock.pass(Duration.ofSeconds(2));
        throttle.failed("admin", ATTACKER);
        assertThat(throttle.refusal("admin", ATTACKER)).contains(Duration.ofSeconds(4));
        assertThat(throttle.refusal("ADMIN", ATTACKER)).as("names count without case").contains(Duration.ofSeconds(4));
    }

    @Test
    void theWaitIsCappedAtFifteenMinutesAndForgottenAfterAnHourWithoutFailures() {
        Duration wait = Duration.ZERO;
        for (int i = 0; i < 30; i++) {
            throttle.failed("admin", ATTACKER);
            wait = throttle.refusal("admin", ATTACKER).orElse(Duration.ZERO);
            clock.pass(wait);
        }
        assertThat(wait).isEqualTo(Duration.ofMinutes(15));
        clock.pass(Duration.ofHours(1).plusSeconds(1));
        throttle.failed("admin", ATTACKER);
        assertThat(throttle.refusal("admin", ATTACKER)).as("one failure after an hour's quiet is a first one").isEmpty();
    }

    @Test
    void theOwnerOnAnotherAddressNeverWaits() {
        clock.pass(failUntilRefused("admin", ATTACKER).orElseThrow());
        failUntilRefused("admin", ATTACKER);
        assertThat(throttle.refusal("admin", ATTACKER)).isPresent();
        assertThat(throttle.refusal("admin", OWNER)).isEmpty();
    }

    @Test
    void unknownNamesWaitExactlyLikeAccounts() {
        Optional<Duration> known = failUntilRefused("admin", ATTACKER);
        Optional<Duration> unknown = failUntilRefused("no-such-account", "198.51.100.67");
        assertThat(unknown).isEqualTo(known);
    }

    @Test
    void sprayingManyAccountsFromOneAddressWaitsButAccountsThatSignedInThereDoNot() {
        throttle.succeeded("colleague", ATTACKER);
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, ATTACKER);
        }
        assertThat(throttle.refusal("user-next", ATTACKER)).isEmpty();
        LoginThrottle.Failure twentieth = throttle.failed("user-19", ATTACKER);
        assertThat(twentieth.addressWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(twentieth.accountWait()).isZero();
        assertThat(throttle.refusal("user-next", ATTACKER)).as("any further name from there waits").contains(Duration.ofSeconds(1));
        assertThat(throttle.refusal("colleague", ATTACKER)).as("known here already").isEmpty();
        assertThat(throttle.refusal("user-next", OWNER)).isEmpty();
    }

    @Test
    void aCorrectPasswordForgivesThePairsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", OWNER);
        }
        throttle.succeeded("admin", OWNER);
        throttle.failed("admin", OWNER);
        assertThat(throttle.refusal("admin", OWNER)).isEmpty();
    }
}
