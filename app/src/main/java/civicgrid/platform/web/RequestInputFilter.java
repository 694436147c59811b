package civicgrid.platform.web;

import civicgrid.platform.CivicGridException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the path, the query and form parameters and multipart part names before any controller
 * does: text that cannot be decoded ({@code %zz}, a broken multipart body) is a 400, text holding a
 * control character is a 400 {@code INVALID_CHARACTERS} naming the parameter ({@link ControlCharacters}),
 * each in the error format of the path.
 */
class RequestInputFilter extends OncePerRequestFilter {

    private final ErrorResponses errors;

    RequestInputFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            check(request);
        } catch (CivicGridException refused) {
            errors.write(request, response, refused.status(), refused.code(), refused.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    private static void check(HttpServletRequest request) {
        ControlCharacters.check("path", request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            throw unreadable(e, multipart);
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            ControlCharacters.check(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                ControlCharacters.check(parameter.getKey(), value);
            }
        }
        if (multipart) {
            try {
                for (Part part : request.getParts()) {
                    ControlCharacters.check(part.getName(), part.getName());
                    ControlCharacters.check("file name of " + part.getName(), part.getSubmittedFileName());
                }
            } catch (IOException | ServletException | RuntimeException e) {
                if (e instanceof CivicGridException refused) {
                    throw refused;
                }
                throw unreadable(e, true);
            }
        }
    }

    private static CivicGridException unreadable(Exception e, boolean multipart) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Tomcat's FileSizeLimitExceededException and SizeLimitExceededException
            if (t.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
                return new CivicGridException(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                        "The upload is larger than this server accepts.");
            }
        }
        return multipart
                ? CivicGridException.badRequest("MALFORMED_MULTIPART", "The multipart body cannot be read; check its boundary and parts.")
                : CivicGridException.badRequest("MALFORMED_PARAMETERS",
                        "The query string or form body cannot be decoded; check its percent-encoding (UTF-8).");
    }
}
