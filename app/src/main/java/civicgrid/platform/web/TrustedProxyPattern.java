package civicgrid.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The trusted proxies of {@code civicgrid.security.trusted-proxies} as the regular expression
 * Tomcat's {@code RemoteIpValve} takes, so that one setting decides both whose
 * {@code X-Forwarded-For} names the client and whose {@code X-Forwarded-Proto: https} makes a
 * request secure (and the session cookie {@code Secure}). Nobody is trusted when the list is empty.
 */
final class TrustedProxyPattern {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private TrustedProxyPattern() {
    }

    /** A regex matching exactly the listed addresses and IPv4 ranges; empty when none are listed. */
    static String of(List<String> trustedProxies) {
        List<String> alternatives = new ArrayList<>();
        for (String entry : trustedProxies) {
            String proxy = entry.strip();
            if (!proxy.isEmpty()) {
                alternatives.add(regexFor(proxy));
            }
        }
        return String.join("|", alternatives);
    }

    private static String regexFor(String proxy) {
        int slash = proxy.indexOf('/');
        String address = slash < 0 ? proxy : proxy.substring(0, slash);
        int prefix = slash < 0 ? -1 : Integer.parseInt(proxy.substring(slash + 1));
        if (!IPV4.matcher(address).matches()) {
            if (prefix >= 0 && prefix != 128) {
                throw new IllegalArgumentException("civicgrid.security.trusted-proxies: IPv6 ranges ('" + proxy
                        + "') are not supported; list the proxies' addresses");
            }
            return Pattern.quote(address.toLowerCase());
        }
        if (prefix < 0 || prefix == 32) {
            return Pattern.quote(address);
        }
        if (prefix > 32) {
            throw new IllegalArgumentException("civicgrid.security.trusted-proxies: '" + proxy + "' is not a CIDR range");
        }
        String[] octets = address.split("\\.");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            int bitsFixed = Math.max(0, Math.min(8, prefix - 8 * i));
            int value = Integer.parseInt(octets[i]);
            if (bitsFixed == 8) {
                regex.append(value);
            } else if (bitsFixed == 0) {
                regex.append("\\d{1,3}");
            } else {
                int size = 1 << (8 - bitsFixed);
                int base = value & ~(size - 1) & 0xff;
                regex.append("(?:").append(IntStream.range(base, base + size).mapToObj(Integer::toString)
                        .collect(Collectors.joining("|"))).append(')');
            }
            if (i < 3) {
                regex.append("\\.");
            }
        }
        return regex.toString();
    }
}
