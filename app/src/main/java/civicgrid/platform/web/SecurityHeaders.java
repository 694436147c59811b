package civicgrid.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser's second line of defence on every response (pages, API, open channels, static files,
 * errors), set before any security chain runs so refusals carry them too. Scripts come only from
 * this server (no inline script, no eval): a markup injection that slips past escaping runs nothing.
 * Styles also come only from here: Leaflet and ECharts position things through the style object,
 * which CSP allows, and the dashboard's chart tooltips are drawn on the canvas, not as HTML.
 * Images may also be {@code blob:} (photo previews before upload), {@code data:} (library icons) and
 * the configured tile server. Only Swagger UI, a third-party page that injects its own styles, gets
 * inline styles (never inline script).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecurityHeaders extends OncePerRequestFilter {

    /** The phone pages (/snap, /m) use the location and the camera; nothing uses the rest. */
    static final String PERMISSIONS_POLICY = "geolocation=(self), camera=(self), microphone=(), payment=(), usb=(), midi=(), "
            + "accelerometer=(), gyroscope=(), magnetometer=(), display-capture=(), autoplay=()";

    private final String contentSecurityPolicy;
    private final String swaggerUiPolicy;

    SecurityHeaders(@Value("${civicgrid.map.tile-url:}") String tileUrl) {
        this.contentSecurityPolicy = policy("'self'", tileSource(tileUrl));
        this.swaggerUiPolicy = policy("'self' 'unsafe-inline'", "");
    }

    private static String policy(String styleSources, String tileSource) {
        return "default-src 'self'; script-src 'self'; style-src " + styleSources + "; img-src 'self' data: blob:" + tileSource
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean swaggerUi = request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui/");
        response.setHeader("Content-Security-Policy", swaggerUi ? swaggerUiPolicy : contentSecurityPolicy);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }

    /**
     * The tile server's origin as a CSP source ({@code https://{s}.tile.example/{z}/{x}/{y}.png} →
     * {@code https://*.tile.example}); empty without tiles.
     */
    static String tileSource(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        int hostStart = tileUrl.indexOf("://");
        if (hostStart < 0) {
            return ""; // a path on this server: 'self' covers it
        }
        int hostEnd = tileUrl.indexOf('/', hostStart + 3);
        String origin = hostEnd < 0 ? tileUrl : tileUrl.substring(0, hostEnd);
        String host = origin.substring(hostStart + 3);
        int placeholder = host.lastIndexOf('}');
        if (placeholder >= 0) {
            int dot = host.indexOf('.', placeholder);
            host = dot < 0 ? "*" : "*" + host.substring(dot);
        }
        String source = origin.substring(0, hostStart + 3) + host;
        URI.create(source.replace("*", "x")); // an unusable setting fails the start, not every page
        return " " + source;
    }
}
