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

    @Test
    void aBurstOfTheSameFirstSignInPaysOneCheck() throws Exception {
        CountingEncoder counting = new CountingEncoder();
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return counting.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return counting.matches(raw, encoded);
            }
        };
        VerifiedCredentialCache cache = new VerifiedCredentialCache(slow);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return cache.matches("demo", "hash:demo");
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counting.checks).hasValue(1);
    }

    @Test
    void aFullCacheDropsOneOffsNotTheCredentialsInUse() {
        CountingEncoder slow = new CountingEncoder();
        VerifiedCredentialCache cache = new VerifiedCredentialCache(slow);
        int oneOffs = VerifiedCredentialCache.MAX_ENTRIES + 5_000;
        for (int i = 0; i < oneOffs; i++) {
            assertThat(cache.matches("p" + i, "hash:p" + i)).isTrue();
            if (i % 100 == 0) {
                assertThat(cache.matches("demo", "hash:demo")).as("a console calling all along").isTrue();
                cache.cleanUp();
            }
        }
        assertThat(slow.checks).as("each one-off once, the console in use once").hasValue(oneOffs + 1);
    }

    @Test
    void aVerifiedPasswordIsCheckedAgainAfterTenMinutes() {
        CountingEncoder slow = new CountingEncoder();
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        VerifiedCredentialCache cache = new VerifiedCredentialCache(slow, nanos::get);
        assertThat(cache.matches("demo", "hash:demo")).isTrue();
        nanos.addAndGet(java.time.Duration.ofMinutes(9).toNanos());
        assertThat(cache.matches("demo", "hash:demo")).isTrue();
        assertThat(slow.checks).hasValue(1);
        nanos.addAndGet(java.time.Duration.ofMinutes(2).toNanos());
        assertThat(cache.matches("demo", "hash:demo")).isTrue();
        assertThat(slow.checks).hasValue(2);
    }
}
