package civicgrid.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which address a request comes from, with and without trusted proxies in front. */
class ClientAddressesTest {

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses none = new ClientAddresses(List.of());
        assertThat(none.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(new ClientAddresses(List.of("", " ")).of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItWrites() {
        ClientAddresses proxied = new ClientAddresses(List.of("10.0.0.0/8"));
        assertThat(proxied.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedEntryIsTheClient() {
        ClientAddresses proxied = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.10"));
        // the client wrote "1.2.3.4" itself; the outer proxy 192.0.2.10 saw 198.51.100.9 and the inner one saw 192.0.2.10
        assertThat(proxied.of(from("10.1.1.1", "1.2.3.4, 198.51.100.9, 192.0.2.10"))).isEqualTo("198.51.100.9");
        assertThat(proxied.of(from("10.1.1.1", "1.2.3.4", "198.51.100.9"))).as("several headers read as one list")
                .isEqualTo("198.51.100.9");
        assertThat(proxied.of(from("10.1.1.1"))).as("no header: the proxy itself").isEqualTo("10.1.1.1");
        assertThat(proxied.of(from("10.1.1.1", "10.2.2.2, 192.0.2.10"))).as("only proxies: the farthest one").isEqualTo("10.2.2.2");
        assertThat(proxied.of(from("10.1.1.1", "evil.example.org"))).as("not an address: the proxy").isEqualTo("10.1.1.1");
        assertThat(proxied.of(from("10.1.1.1", "[2001:db8::1]"))).isEqualTo("2001:db8::1");
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        assertThat(ClientAddresses.limitKey("2001:db8:aa:bb:1:2:3:4")).isEqualTo(ClientAddresses.limitKey("2001:db8:aa:bb:ffff::9"))
                .isEqualTo("2001:db8:aa:bb::/64");
        assertThat(ClientAddresses.limitKey("2001:db8:aa:bc::1")).isNotEqualTo(ClientAddresses.limitKey("2001:db8:aa:bb::1"));
        assertThat(ClientAddresses.limitKey("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void hostNamesAreNoTrustedProxies() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trusted-proxies");
    }
}
