package civicgrid.platform.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for what it refuses before any servlet runs (a {@code %00} or {@code %2F}
 * in the path, a request line or headers over the limit, a control character in a header), written
 * as problem details (or the path's {@link ErrorFormat}) instead of Tomcat's HTML page.
 */
class ProblemErrorValve extends ErrorReportValve {

    private final Supplier<ErrorResponses> errors;

    ProblemErrorValve(Supplier<ErrorResponses> errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus reported = known != null ? known : status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        try {
            errors.get().write(request, response, reported, codeFor(reported, response.getMessage()), messageFor(reported));
            response.finishResponse();
        } catch (IOException | RuntimeException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell
        }
    }

    private static String codeFor(HttpStatus status, String tomcatMessage) {
        if (status == HttpStatus.BAD_REQUEST && tomcatMessage != null && tomcatMessage.contains("URI")) {
            return "MALFORMED_URL";
        }
        return switch (status) {
            case URI_TOO_LONG -> "URI_TOO_LONG";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "HEADERS_TOO_LARGE";
            case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case INTERNAL_SERVER_ERROR -> "INTERNAL_ERROR";
            default -> status.name();
        };
    }

    private static String messageFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed: its URL, request line or headers cannot be read"
                    + " (an encoded NUL or slash in the path, a control character, or a request line or headers over the limit).";
            case URI_TOO_LONG -> "The URL is too long.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large.";
            case CONTENT_TOO_LARGE -> "The request body is too large.";
            default -> status.is5xxServerError() ? "An unexpected error occurred; it has been logged." : status.getReasonPhrase() + ".";
        };
    }
}
