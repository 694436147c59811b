package civicgrid.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes an error the way the request's path promises: a module's {@link ErrorFormat} where one
 * applies, otherwise RFC 9457 problem details with a {@code code}.
 */
@Component
public class ErrorResponses {

    private final List<ErrorFormat> formats;

    ErrorResponses(List<ErrorFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Writes the error to a response no one has written to yet (filters, the error controller, Tomcat's valve). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        request = original(request);
        Optional<ErrorFormat> format = formatFor(request);
        if (format.isEmpty()) {
            ProblemWriter.write(response, status, code, message);
            return;
        }
        ResponseEntity<String> rendered = format.get().render(request, status, code, message);
        response.setStatus(rendered.getStatusCode().value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (rendered.getHeaders().getContentType() != null) {
            response.setContentType(rendered.getHeaders().getContentType().toString());
        }
        response.getWriter().write(rendered.getBody() == null ? "" : rendered.getBody());
    }

    /** The body Spring MVC answers with: the problem itself, or its rendering in the path's own format. */
    ResponseEntity<Object> entity(HttpServletRequest request, ResponseEntity<Object> problem) {
        if (request == null || !(problem.getBody() instanceof ProblemDetail detail)) {
            return problem;
        }
        request = original(request);
        Optional<ErrorFormat> format = formatFor(request);
        if (format.isEmpty()) {
            return problem;
        }
        HttpStatus status = HttpStatus.resolve(detail.getStatus());
        Object code = detail.getProperties() == null ? null : detail.getProperties().get("code");
        String message = detail.getDetail() != null ? detail.getDetail() : detail.getTitle();
        ResponseEntity<String> rendered = format.get().render(request, status == null ? HttpStatus.BAD_REQUEST : status,
                code == null ? String.valueOf(detail.getStatus()) : code.toString(), message);
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(problem.getHeaders());
        headers.setContentType(rendered.getHeaders().getContentType());
        return ResponseEntity.status(rendered.getStatusCode()).headers(headers).body(rendered.getBody());
    }

    private Optional<ErrorFormat> formatFor(HttpServletRequest request) {
        try {
            return formats.stream().filter(f -> f.appliesTo(request)).findFirst();
        } catch (RuntimeException unparsed) {
            // Tomcat refused the request line itself: there is no path to go by
            return Optional.empty();
        }
    }

    /** On the container's error dispatch to /error, the request as the client sent it: formats go by its path. */
    private static HttpServletRequest original(HttpServletRequest request) {
        Object uri;
        try {
            uri = request.getDispatcherType() == DispatcherType.ERROR ? request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : null;
        } catch (RuntimeException unparsed) {
            return request;
        }
        if (uri instanceof String path) {
            return new HttpServletRequestWrapper(request) {
                @Override
                public String getRequestURI() {
                    return path;
                }
            };
        }
        return request;
    }
}
