package civicgrid.intake.open311;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error the GeoReport v2 way: an HTTP status (400, 403 or 404) and one or more
 * {@code code}/{@code description} pairs; the code is the status, the description starts with
 * CivicGrid's machine code.
 */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<String> descriptions;

    Open311Exception(HttpStatus status, List<String> descriptions) {
        super(String.join("; ", descriptions), null, false, false);
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, List.of(description));
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(HttpStatus.FORBIDDEN, List.of(description));
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(HttpStatus.NOT_FOUND, List.of(description));
    }

    HttpStatus status() {
        return status;
    }

    List<String> descriptions() {
        return descriptions;
    }
}
