package civicgrid.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedCredentialCacheTest {

    /** Counts how often the expensive check really runs. */
    static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return encoded.equals("hash:" + raw);
        }
    }

    @Test
    void aVerifiedPasswordIsNotRecheckedButAWrongOneAlwaysIs() {
        CountingEncoder slow = new CountingEncoder();
        VerifiedCredentialCache cache = new VerifiedCredentialCache(slow);
        assertThat(cache.matches("demo", "hash:demo")).isTrue();
        assertThat(cache.matches("demo", "hash:demo")).isTrue();
        assertThat(slow.checks).hasValue(1);
        assertThat(cache.matches("guess", "hash:demo")).isFalse();
        assertThat(cache.matches("guess", "hash:demo")).isFalse();
        assertThat(slow.checks).hasValue(3);
    }

    @Test
    void aChangedStoredHashIsCheckedAgain() {
        CountingEncoder slow = new CountingEncoder();
        VerifiedCredentialCache cache = new VerifiedCredentialCache(slow);
        assertThat(cache.matches("demo", "hash:demo")).isTrue();
        assertThat(cache.matches("demo", "hash:new-password")).isFalse();
        assertThat(slow.checks).hasValue(2);
        assertThat(cache.matches(null, "hash:demo")).isFalse();
    }
}
