package civicgrid.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}, where the servlet container sends what failed outside Spring MVC (a filter's
 * {@code sendError}, an exception thrown by a filter): answered as problem details (or the original
 * path's {@link ErrorFormat}) like everything else, instead of Spring Boot's default error JSON; a
 * browser asking for a console page gets the error page with the same code.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPathController implements ErrorController {

    private static final Set<HttpStatus> PAGE_STATUSES = Set.of(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

    private final ErrorResponses errors;

    ErrorPathController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String errorCode;
        String message;
        if (failure != null && badInput(failure)) {
            status = HttpStatus.BAD_REQUEST;
            errorCode = "MALFORMED_REQUEST";
            message = "The request cannot be read: check the URL, its percent-encoding (UTF-8) and the body.";
        } else if (status.is5xxServerError()) {
            errorCode = "INTERNAL_ERROR";
            message = "An unexpected error occurred; it has been logged.";
        } else {
            errorCode = codeFor(status);
            message = messageFor(status);
        }
        if (PAGE_STATUSES.contains(status) && wantsPage(request)) {
            response.setStatus(status.value());
            return new ModelAndView("error/page", Map.of("status", status.value(), "code", errorCode, "message", message));
        }
        errors.write(request, response, status, errorCode, message);
        return null;
    }

    /** A browser on a console page gets the readable error page (the statuses it has words for); everyone else JSON. */
    private static boolean wantsPage(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : "";
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !path.startsWith("/api/") && !path.startsWith("/open311/");
    }

    /**
     * Bad input thrown by a filter rather than answered: Tomcat's refusal of undecodable parameters or
     * multipart bodies (read by a security filter before {@link RequestInputFilter} runs), a form body
     * Spring's form filter cannot decode, the security firewall's refusals.
     */
    private static boolean badInput(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RequestRejectedException || t instanceof HttpMessageNotReadableException || t instanceof MultipartException
                    || t.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return true;
            }
        }
        return false;
    }

    private static String codeFor(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            default -> status.name();
        };
    }

    private static String messageFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed.";
            case UNAUTHORIZED -> "Authentication is required.";
            case FORBIDDEN -> "Your role or territory does not allow this.";
            case NOT_FOUND -> "No such resource.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
