package civicgrid.identity.security;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a while, that a password matched its stored hash, so that HTTP Basic on every API
 * call costs one keyed SHA-256 instead of one bcrypt (~80 ms of CPU). Only successes are
 * remembered (guessing still pays bcrypt), the key includes the stored hash (a changed password
 * invalidates at once), and the account itself is still loaded on every request (disabling, scope
 * and role changes apply at once). Entries are HMACs under a key made at start, never passwords.
 * Bounded: when full, the least useful entries go (Caffeine), not every signed-in console at once.
 */
final class VerifiedCredentialCache implements PasswordEncoder {

    private static final Duration TTL = Duration.ofMinutes(10);
    static final int MAX_ENTRIES = 20_000;
    private final PasswordEncoder delegate;
    private final SecretKeySpec key;
    /**
     * Verified credentials, and checks under way: a burst of the same first sign-in (500 consoles
     * opening) shares one future and pays one bcrypt, not 500. A check that fails completes with
     * null, which Caffeine drops, so failures are never remembered.
     */
    private final AsyncCache<String, Boolean> verified;

    VerifiedCredentialCache(PasswordEncoder delegate) {
        this(delegate, Ticker.systemTicker());
    }

    VerifiedCredentialCache(PasswordEncoder delegate, Ticker ticker) {
        this.delegate = delegate;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(TTL).ticker(ticker).buildAsync();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String entry = mac(encodedPassword + '\u0000' + rawPassword);
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> shared = verified.get(entry, (k, executor) -> mine);
        if (shared != mine) {
            return Boolean.TRUE.equals(shared.join());
        }
        try {
            boolean matches = delegate.matches(rawPassword, encodedPassword);
            mine.complete(matches ? Boolean.TRUE : null);
            return matches;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Evictions and expiries due now (Caffeine otherwise does them on its own schedule). */
    void cleanUp() {
        verified.synchronous().cleanUp();
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
