package civicgrid.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a while, that a password matched its stored hash, so that HTTP Basic on every API
 * call costs one keyed SHA-256 instead of one bcrypt (~80 ms of CPU). Only successes are
 * remembered (guessing still pays bcrypt), the key includes the stored hash (a changed password
 * invalidates at once), and the account itself is still loaded on every request (disabling, scope
 * and role changes apply at once). Entries are HMACs under a key made at start, never passwords.
 */
final class VerifiedCredentialCache implements PasswordEncoder {

    private static final long TTL_MILLIS = 10 * 60 * 1000;
    private static final int MAX_ENTRIES = 20_000;
    private final PasswordEncoder delegate;
    private final SecretKeySpec key;
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();
    /** Checks under way: a burst of the same first sign-in (500 consoles opening) pays one bcrypt, not 500. */
    private final Map<String, java.util.concurrent.CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    VerifiedCredentialCache(PasswordEncoder delegate) {
        this.delegate = delegate;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
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
        long now = System.currentTimeMillis();
        Long until = verifiedUntil.get(entry);
        if (until != null && until > now) {
            return true;
        }
        java.util.concurrent.CompletableFuture<Boolean> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Boolean> running = inFlight.putIfAbsent(entry, mine);
        if (running != null) {
            return running.join();
        }
        try {
            boolean matches = delegate.matches(rawPassword, encodedPassword);
            if (matches) {
                if (verifiedUntil.size() >= MAX_ENTRIES) {
                    verifiedUntil.clear();
                }
                verifiedUntil.put(entry, now + TTL_MILLIS);
            }
            mine.complete(matches);
            return matches;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(entry, mine);
        }
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
