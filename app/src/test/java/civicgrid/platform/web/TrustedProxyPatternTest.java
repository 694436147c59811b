package civicgrid.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrustedProxyPatternTest {

    @Test
    void nobodyIsTrustedByDefault() {
        assertThat(TrustedProxyPattern.of(List.of())).isEmpty();
        assertThat(TrustedProxyPattern.of(List.of(" ", ""))).isEmpty();
    }

    @Test
    void addressesAndIpv4RangesMatchExactlyWhatTheyName() {
        Pattern trusted = Pattern.compile(TrustedProxyPattern.of(List.of("10.0.0.0/8", "192.168.1.5", "172.16.0.0/12", "100.64.3.0/30", "::1")));
        assertThat(trusted.matcher("10.20.30.40").matches()).isTrue();
        assertThat(trusted.matcher("192.168.1.5").matches()).isTrue();
        assertThat(trusted.matcher("192.168.1.50").matches()).isFalse();
        assertThat(trusted.matcher("192x168x1x5").matches()).as("dots are literal").isFalse();
        assertThat(trusted.matcher("172.31.255.1").matches()).isTrue();
        assertThat(trusted.matcher("172.32.0.1").matches()).isFalse();
        assertThat(trusted.matcher("100.64.3.3").matches()).isTrue();
        assertThat(trusted.matcher("100.64.3.4").matches()).isFalse();
        assertThat(trusted.matcher("::1").matches()).isTrue();
        assertThat(trusted.matcher("11.0.0.1").matches()).isFalse();
    }

    @Test
    void ipv6RangesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> TrustedProxyPattern.of(List.of("fd00::/8"))).hasMessageContaining("IPv6 ranges");
    }
}
