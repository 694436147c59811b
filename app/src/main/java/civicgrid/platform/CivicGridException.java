package civicgrid.platform;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on: an HTTP status, a stable machine code (UPPER_SNAKE) and a
 * human message. Rendered as RFC 9457 problem details by the platform's error handler.
 */
public class CivicGridException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Duration retryAfter;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public CivicGridException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    private CivicGridException(HttpStatus status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** 429 {@code RATE_LIMITED}, answered with a {@code Retry-After} header (whole seconds, at least one). */
    public static CivicGridException rateLimited(String message, Duration retryAfter) {
        return new CivicGridException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", message, retryAfter);
    }

    public static CivicGridException notFound(String code, String message) {
        return new CivicGridException(HttpStatus.NOT_FOUND, code, message);
    }

    public static CivicGridException badRequest(String code, String message) {
        return new CivicGridException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static CivicGridException forbidden(String code, String message) {
        return new CivicGridException(HttpStatus.FORBIDDEN, code, message);
    }

    public static CivicGridException conflict(String code, String message) {
        return new CivicGridException(HttpStatus.CONFLICT, code, message);
    }

    /**
     * A value the page may put into its own words for this refusal (a field path, a line number), as an
     * extra property of the problem: the message itself is English and never shown on a Chinese page.
     */
    public CivicGridException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The values added by {@link #with}, in the order added. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** When to try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
