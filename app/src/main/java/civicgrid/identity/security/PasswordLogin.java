package civicgrid.identity.security;

import civicgrid.audit.AuditApi;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.TerritorialScope;
import civicgrid.identity.persistence.UserRecord;
import civicgrid.identity.persistence.UserRepository;
import civicgrid.platform.web.ClientAddresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks a username and password, for the sign-in form and HTTP Basic alike. An attempt first asks
 * {@link LoginThrottle} whether its address must wait; then one bcrypt runs whether or not the
 * account exists (against a hash of a random secret for unknown names, which nothing can match,
 * not even a remembered success of {@link VerifiedCredentialCache}), so an unknown name, a wrong
 * password and a refused attempt look the same to the caller except that refusals say when to
 * come back. A disabled account is only named as such after its correct password.
 *
 * <p>Audit: a failed password of an existing account is recorded ({@code LOGIN_FAILED}), and so is
 * the start of each wait ({@code LOGIN_THROTTLED}); refused attempts cost no bcrypt and are only
 * counted (metric {@code civicgrid.login.refused}), so a flood of them cannot flood the hash chain.
 * Names that are no account are not written to the audit: people type passwords into the name field.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordLogin.class);
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final ClientAddresses addresses;
    private final AuditApi audit;
    private final Counter refused;
    private final String unmatchableHash;

    PasswordLogin(UserRepository users, PasswordEncoder encoder, LoginThrottle throttle, ClientAddresses addresses, AuditApi audit,
                  MeterRegistry meters) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.addresses = addresses;
        this.audit = audit;
        this.refused = Counter.builder("civicgrid.login.refused").description("sign-ins refused unchecked while their address waits")
                .register(meters);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.unmatchableHash = encoder.encode(Base64.getEncoder().encodeToString(secret));
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = clientAddress(attempt);
        Optional<Duration> wait = throttle.refusal(username, address);
        if (wait.isPresent()) {
            refused.increment();
            throw new LoginThrottledException(wait.get());
        }
        Optional<UserRecord> user = users.findByUsername(username);
        if (!matches(password, user.map(UserRecord::passwordHash).orElse(unmatchableHash)) || user.isEmpty()) {
            failed(username, address, user.isPresent());
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(username, address);
        UserRecord account = user.get();
        if (!account.enabled()) {
            throw new DisabledException("This account is disabled.");
        }
        CurrentUser current = new CurrentUser(account.id(), account.username(), account.displayName(), account.role(),
                account.postCode(), account.sector(), account.departmentCode(), new TerritorialScope(account.scope()),
                account.roadSegments());
        CivicGridPrincipal principal = new CivicGridPrincipal(current, account.passwordHash(), true);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private boolean matches(String password, String hash) {
        try {
            return encoder.matches(password, hash);
        } catch (IllegalArgumentException tooLongForBcrypt) {
            return false;
        }
    }

    private void failed(String username, String address, boolean exists) {
        LoginThrottle.Failure failure = throttle.failed(username, address);
        if (exists) {
            audit.recordAs(username, "LOGIN_FAILED", "USER", username, "bad credentials",
                    Map.of("address", address, "failures", failure.accountFailures()));
        }
        if (!failure.startedWait()) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", address);
        details.put("accountFailures", failure.accountFailures());
        details.put("addressFailures", failure.addressFailures());
        details.put("accountWaitSeconds", failure.accountWait().toSeconds());
        details.put("addressWaitSeconds", failure.addressWait().toSeconds());
        if (exists && !failure.accountWait().isZero()) {
            audit.recordAs(username, "LOGIN_THROTTLED", "USER", username, "repeated failed sign-ins from one address", details);
        }
        if (!failure.addressWait().isZero()) {
            audit.recordAs("anonymous", "LOGIN_THROTTLED", "CLIENT_ADDRESS", address, "failed sign-ins on many accounts", details);
        }
        log.warn("Sign-ins from {} wait {} s ({} failures for one name, {} for all)", address,
                Math.max(failure.accountWait().toSeconds(), failure.addressWait().toSeconds()), failure.accountFailures(),
                failure.addressFailures());
    }

    private String clientAddress(Authentication attempt) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return addresses.limitKey(request.getRequest());
        }
        return attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? ClientAddresses.limitKey(web.getRemoteAddress()) : "unknown";
    }
}
