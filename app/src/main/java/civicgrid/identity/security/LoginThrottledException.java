package civicgrid.identity.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused unchecked because its address failed too often, for this account or for many:
 * raised the same way for accounts that exist and names that do not, so it tells nothing about them.
 */
public final class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins from this address");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return civicgrid.platform.CivicGridException.retryAfterSeconds(retryAfter);
    }
}
