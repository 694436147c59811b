package civicgrid.platform;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on: an HTTP status, a stable machine code (UPPER_SNAKE) and a
 * human message. Rendered as RFC 9457 problem details by the platform's error handler.
 */
public class CivicGridException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public CivicGridException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
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

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
