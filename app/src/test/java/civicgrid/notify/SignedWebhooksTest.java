package civicgrid.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The webhook signature every receiver checks: HMAC-SHA256 as RFC 4231 defines it, over timestamp + "." + body. */
class SignedWebhooksTest {

    @Test
    void signsAsRfc4231Says() {
        assertThat(SignedWebhooks.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aSignatureHoldsOnlyForItsSecretTimestampAndBody() {
        String header = SignedWebhooks.signature("escort-secret-0001", "1767225600", "{\"a\":1}");

        assertThat(header).startsWith("sha256=").isEqualTo("sha256=" + SignedWebhooks.sign("escort-secret-0001", "1767225600.{\"a\":1}"));
        assertThat(SignedWebhooks.verify("escort-secret-0001", "1767225600", "{\"a\":1}", header)).isTrue();
        assertThat(SignedWebhooks.verify("another-secret-01", "1767225600", "{\"a\":1}", header)).isFalse();
        assertThat(SignedWebhooks.verify("escort-secret-0001", "1767225601", "{\"a\":1}", header)).isFalse();
        assertThat(SignedWebhooks.verify("escort-secret-0001", "1767225600", "{\"a\":2}", header)).isFalse();
        assertThat(SignedWebhooks.verify("escort-secret-0001", "1767225600", "{\"a\":1}", null)).isFalse();
    }
}
