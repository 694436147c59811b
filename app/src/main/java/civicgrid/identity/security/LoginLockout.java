package civicgrid.identity.security;

import civicgrid.audit.AuditApi;
import civicgrid.identity.persistence.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after repeated failed logins (guessing passwords is the cheapest
 * attack on a public login page), and clears the count on a successful login.
 */
@Component
class LoginLockout {

    private static final Logger log = LoggerFactory.getLogger(LoginLockout.class);
    private final UserRepository users;
    private final AuditApi audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginLockout(UserRepository users, AuditApi audit, Clock clock,
                 @Value("${civicgrid.security.max-failed-logins:5}") int maxFailures,
                 @Value("${civicgrid.security.lock-duration:PT15M}") Duration lockDuration) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        int failures = users.recordFailure(username);
        if (failures == 0) {
            return;
        }
        audit.recordAs(username, "LOGIN_FAILED", "USER", username, "bad credentials", Map.of("failures", failures));
        if (failures >= maxFailures) {
            Instant until = clock.instant().plus(lockDuration);
            users.lockUntil(username, until);
            audit.recordAs(username, "ACCOUNT_LOCKED", "USER", username, failures + " failed logins in a row",
                    Map.of("lockedUntil", until.toString()));
            log.warn("Account {} locked until {} after {} failed logins", username, until, failures);
        }
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.resetFailures(event.getAuthentication().getName());
    }
}
