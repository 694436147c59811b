package civicgrid.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param freeFailures failed sign-ins one address may make for one account before it waits
 * @param addressFreeFailures failed sign-ins one address may make across all accounts before it waits (password spraying)
 * @param firstDelay the first wait; each further failure doubles it
 * @param maxDelay the longest wait
 * @param forgetAfter failures older than this are forgotten
 */
@ConfigurationProperties("civicgrid.security.login-throttle")
record LoginThrottleProperties(Integer freeFailures, Integer addressFreeFailures, Duration firstDelay, Duration maxDelay,
                               Duration forgetAfter) {

    LoginThrottleProperties {
        freeFailures = freeFailures == null ? 5 : freeFailures;
        addressFreeFailures = addressFreeFailures == null ? 20 : addressFreeFailures;
        firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
        forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
        if (forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("civicgrid.security.login-throttle.forget-after must not be shorter than max-delay");
        }
    }
}
