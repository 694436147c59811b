package civicgrid.identity.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock anybody out. Failures are counted per
 * (account, client address) and per client address; past a free allowance each further failure
 * makes that address wait before its next attempt is even checked: 1 s, 2 s, 4 s ... up to 15 min
 * (all configurable). The account's owner signing in from another address never waits, and an
 * account that signed in from an address recently is not held back by that address's failures on
 * other accounts (an office behind one address, one colleague mistyping). Names that are no
 * account count exactly like accounts, so waiting tells nothing about which accounts exist.
 *
 * <p>Counters live in memory on each node (bounded caches): with n nodes behind a balancer a
 * guesser gets n times the attempts, which still bounds guessing to a few an hour per address.
 */
@Component
class LoginThrottle {

    private static final int MAX_KEY = 128;
    private final LoginThrottleProperties limits;
    private final Clock clock;
    private final Cache<String, Strikes> byAccountAndAddress;
    private final Cache<String, Strikes> byAddress;
    private final Cache<String, Boolean> signedInFrom;

    LoginThrottle(LoginThrottleProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.byAccountAndAddress = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(limits.forgetAfter()).build();
        this.byAddress = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(limits.forgetAfter()).build();
        this.signedInFrom = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofDays(1)).build();
    }

    /** Failures of one key, and until when its next attempt is refused (null: not refused). */
    record Strikes(int failures, Instant lastFailure, Instant refusedUntil) {
    }

    /** What a counted failure did: the counts, and the wait it started (zero when none). */
    record Failure(int accountFailures, int addressFailures, Duration accountWait, Duration addressWait) {

        boolean startedWait() {
            return !accountWait.isZero() || !addressWait.isZero();
        }
    }

    /** How long an attempt for this account from this address must still wait; empty when it may be checked. */
    Optional<Duration> refusal(String account, String address) {
        Instant now = clock.instant();
        String pair = pair(account, address);
        Duration wait = remaining(byAccountAndAddress.getIfPresent(pair), now);
        if (signedInFrom.getIfPresent(pair) == null) {
            Duration wide = remaining(byAddress.getIfPresent(address), now);
            wait = wide.compareTo(wait) > 0 ? wide : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a checked attempt that failed (wrong password or no such account). */
    Failure failed(String account, String address) {
        Instant now = clock.instant();
        Strikes pair = byAccountAndAddress.asMap().compute(pair(account, address), (k, s) -> next(s, limits.freeFailures(), now));
        Strikes wide = byAddress.asMap().compute(address, (k, s) -> next(s, limits.addressFreeFailures(), now));
        return new Failure(pair.failures(), wide.failures(), remaining(pair, now), remaining(wide, now));
    }

    /** A correct password: the pair's failures are forgiven and the account is known at this address. */
    void succeeded(String account, String address) {
        String pair = pair(account, address);
        byAccountAndAddress.invalidate(pair);
        signedInFrom.put(pair, Boolean.TRUE);
    }

    private Strikes next(Strikes previous, int free, Instant now) {
        boolean forgotten = previous == null || previous.lastFailure().plus(limits.forgetAfter()).isBefore(now);
        int failures = forgotten ? 1 : previous.failures() + 1;
        return new Strikes(failures, now, failures < free ? null : now.plus(delay(failures - free)));
    }

    /** The wait after the n-th failure beyond the allowance (0 = the first): doubling, capped. */
    Duration delay(int beyond) {
        Duration max = limits.maxDelay();
        if (beyond >= 40) {
            return max;
        }
        long millis = limits.firstDelay().toMillis();
        long doubled = millis << Math.min(beyond, 40);
        return doubled <= 0 || doubled >= max.toMillis() || doubled >> beyond != millis ? max : Duration.ofMillis(doubled);
    }

    private static Duration remaining(Strikes strikes, Instant now) {
        return strikes == null || strikes.refusedUntil() == null || !strikes.refusedUntil().isAfter(now)
                ? Duration.ZERO : Duration.between(now, strikes.refusedUntil());
    }

    private static String pair(String account, String address) {
        String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return (name.length() > MAX_KEY ? name.substring(0, MAX_KEY) : name) + '\u0000' + address;
    }
}
