package civicgrid.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address of the client behind a request, for rate limits, login throttling and audit.
 * Without trusted proxies (the default, {@code civicgrid.security.trusted-proxies} empty) it is the
 * connection's peer and {@code X-Forwarded-For} is ignored: anybody can write that header. Behind
 * configured proxies (addresses or CIDR ranges) it is the right-most {@code X-Forwarded-For} entry
 * that is not a trusted proxy: each proxy appends the peer it saw, entries further left are
 * whatever the client wrote.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private final List<IpAddressMatcher> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String proxy : trustedProxies) {
            if (!proxy.isBlank()) {
                String range = proxy.strip();
                if (!isLiteral(range.contains("/") ? range.substring(0, range.indexOf('/')) : range)) {
                    throw new IllegalArgumentException("civicgrid.security.trusted-proxies: '" + range
                            + "' is not an IP address or CIDR range (host names are not accepted)");
                }
                matchers.add(new IpAddressMatcher(range));
            }
        }
        this.trusted = List.copyOf(matchers);
    }

    /** The client's address as seen through the trusted proxies. */
    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    forwarded.add(entry.strip());
                }
            }
        }
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = unbracket(forwarded.get(i));
            if (!isTrusted(hop)) {
                // written by a trusted proxy, yet not an address: the proxy is the last one we can name
                return isLiteral(hop) ? hop : peer;
            }
        }
        return forwarded.isEmpty() ? peer : unbracket(forwarded.get(0));
    }

    /**
     * The key a limit counts a client under: its IPv4 address, or the /64 network of an IPv6 address
     * (a home or a phone gets a whole /64 and could otherwise rotate through it).
     */
    public String limitKey(HttpServletRequest request) {
        return limitKey(of(request));
    }

    public static String limitKey(String address) {
        if (address == null || !address.contains(":") || !isLiteral(address)) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private boolean isTrusted(String address) {
        if (!isLiteral(address)) {
            return false;
        }
        for (IpAddressMatcher matcher : trusted) {
            if (matcher.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal; anything else could make the resolver look up a host name. */
    private static boolean isLiteral(String text) {
        return text != null && (IPV4.matcher(text).matches() || IPV6.matcher(text).matches() && text.length() <= 45);
    }

    private static String unbracket(String hop) {
        return hop.startsWith("[") && hop.endsWith("]") ? hop.substring(1, hop.length() - 1) : hop;
    }
}
