package civicgrid.intake.open311;

import civicgrid.platform.CivicGridException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}: discovery, services, service definitions, requests
 * (GET with the spec's filters, POST form-encoded or multipart with a {@code media} file), a
 * request by id and tokens, each as {@code .json} or {@code .xml}. Reading is public; posting needs
 * an {@code api_key}. Errors are the spec's list of {@code code}/{@code description}.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private final Open311Directory directory;
    private final Open311Submissions submissions;
    private final Open311Queries queries;

    Open311Controller(Open311Directory directory, Open311Submissions submissions, Open311Queries queries) {
        this.directory = directory;
        this.submissions = submissions;
        this.queries = queries;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format) {
        return answer(format, "discovery", directory.discovery());
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format, @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                                    @RequestParam(required = false) String locale, Locale requestLocale) {
        Open311Format f = Open311Format.of(format);
        return answer(f, "services", directory.services(blank(jurisdiction), locale(locale, requestLocale)));
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                                      @RequestParam(required = false) String locale, Locale requestLocale) {
        Open311Format f = Open311Format.of(format);
        return answer(f, "service_definition", directory.definition(code, blank(jurisdiction), locale(locale, requestLocale)));
    }

    @PostMapping("/requests.{format}")
    ResponseEntity<String> post(@PathVariable String format, HttpServletRequest request) {
        Open311Format f = Open311Format.of(format);
        MultipartFile media = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("media") : null;
        List<Map<String, Object>> body = submissions.post(new Open311PostForm(request.getParameterMap(), media));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(f.mediaType).body(f.render("service_requests", body));
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format, @RequestParam Map<String, String> query) {
        Open311Format f = Open311Format.of(format);
        return answer(f, "service_requests", queries.list(query));
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
                                   @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Format f = Open311Format.of(format);
        return answer(f, "service_requests", queries.one(id, blank(jurisdiction)));
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Format f = Open311Format.of(format);
        return answer(f, "service_requests", queries.token(token, blank(jurisdiction)));
    }

    private static ResponseEntity<String> answer(String format, String root, Object body) {
        return answer(Open311Format.of(format), root, body);
    }

    private static ResponseEntity<String> answer(Open311Format f, String root, Object body) {
        return ResponseEntity.ok().contentType(f.mediaType).body(f.render(root, body));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Locale locale(String param, Locale request) {
        return param != null && !param.isBlank() ? Locale.forLanguageTag(param.strip()) : request;
    }

    /** Every failure under /open311/v2 answers in the format the path asked for, the spec's way. */
    @RestControllerAdvice(assignableTypes = Open311Controller.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Open311Errors {

        @ExceptionHandler(Open311Exception.class)
        ResponseEntity<String> open311(Open311Exception e, HttpServletRequest request) {
            return errors(request, e.status(), e.descriptions());
        }

        @ExceptionHandler(CivicGridException.class)
        ResponseEntity<String> civicGrid(CivicGridException e, HttpServletRequest request) {
            HttpStatus status = e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND ? e.status() : HttpStatus.BAD_REQUEST;
            return errors(request, status, List.of(e.code() + ": " + e.getMessage()));
        }

        @ExceptionHandler(MultipartException.class)
        ResponseEntity<String> multipart(MultipartException e, HttpServletRequest request) {
            return errors(request, HttpStatus.BAD_REQUEST, List.of("MEDIA_INVALID: the upload could not be read (at most 10 MB)."));
        }

        static ResponseEntity<String> errors(HttpServletRequest request, HttpStatus status, List<String> descriptions) {
            Open311Format f = request.getRequestURI().endsWith(".xml") ? Open311Format.XML : Open311Format.JSON;
            List<Map<String, Object>> ordered = descriptions.stream().map(d -> {
                Map<String, Object> error = new java.util.LinkedHashMap<>();
                error.put("code", status.value());
                error.put("description", d);
                return error;
            }).toList();
            return ResponseEntity.status(status).contentType(f.mediaType).body(f.render("errors", ordered));
        }
    }
}
