package civicgrid.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An error shape other than problem details that a module's paths promise (Open311's
 * {@code code}/{@code description} list). Every error writer of the platform (the exception
 * handler, the error controller, the filters and Tomcat's error valve) asks the formats first.
 */
public interface ErrorFormat {

    /** Whether errors of this request are written this way. */
    boolean appliesTo(HttpServletRequest request);

    /** The error as a body with its content type and status. */
    ResponseEntity<String> render(HttpServletRequest request, HttpStatus status, String code, String message);
}
