package civicgrid.platform.web;

import civicgrid.platform.CivicGridException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of the native API into RFC 9457 problem details with a stable {@code code}
 * property. Bad input is a 4xx with a message naming what was wrong; nothing leaks a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrorHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    /** PostgreSQL's data exceptions that only bad input causes, with the code and message they answer with. */
    private static final Map<String, List<String>> BAD_INPUT_SQL_STATES = Map.of(
            "22001", List.of("VALUE_TOO_LONG", "A value is longer than this field can hold."),
            "22021", List.of(ControlCharacters.CODE, "A value holds characters that cannot be stored."),
            "22003", List.of("NUMBER_OUT_OF_RANGE", "A number is out of the range this field can hold."),
            "22P02", List.of("INVALID_VALUE", "A value is not valid for its field."),
            "22007", List.of("INVALID_VALUE", "A date or time is not valid."),
            "22008", List.of("INVALID_VALUE", "A date or time is out of range."));

    private static final Pattern JAVA_EXCEPTION_PREFIX =
            Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error):\\s*");
    private static final Pattern ARRAY_IDENTITY = Pattern.compile("\\[+(?:L[A-Za-z0-9_.$]+;|[ZBCSIJFD])@[0-9a-f]+");

    private final ErrorResponses errors;

    ApiErrorHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(CivicGridException.class)
    ResponseEntity<Object> handleDomain(CivicGridException ex, HttpServletRequest request) {
        ResponseEntity<Object> answer = problem(ex.status(), ex.code(), ex.getMessage());
        ex.properties().forEach(((ProblemDetail) answer.getBody())::setProperty);
        ResponseEntity<Object> problem = errors.entity(request, answer);
        if (ex.retryAfter() == null) {
            return problem;
        }
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(CivicGridException.retryAfterSeconds(ex.retryAfter())))
                .body(problem.getBody());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentChange(OptimisticLockingFailureException ex, HttpServletRequest request) {
        return errors.entity(request, problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "Someone else changed this record at the same time; reload it and try again."));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> handleDenied(RuntimeException ex, HttpServletRequest request) {
        return errors.entity(request, problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role or territory does not allow this."));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraint(ConstraintViolationException ex, HttpServletRequest request) {
        List<String> violations = ex.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
        ResponseEntity<Object> response = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", String.join("; ", violations));
        ((ProblemDetail) response.getBody()).setProperty("errors", violations);
        return errors.entity(request, response);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMultipart(MultipartException ex, HttpServletRequest request) {
        return errors.entity(request, problem(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART",
                "The multipart body cannot be read; check its boundary and parts."));
    }

    /**
     * The last line of defence: a value the database refuses as data (too long, not storable text,
     * out of range) is bad input, answered 400 and logged as a warning with its trace, since it means
     * a check at the door is missing. Every other database failure stays a 500.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> handleData(DataAccessException ex, HttpServletRequest request) {
        String state = sqlState(ex);
        List<String> badInput = state == null ? null : BAD_INPUT_SQL_STATES.get(state);
        if (badInput == null) {
            return handleUnexpected(ex, request);
        }
        log.warn("The database refused a value (SQLSTATE {}); the input should have been checked before", state, ex);
        return errors.entity(request, problem(HttpStatus.BAD_REQUEST, badInput.get(0), badInput.get(1)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        log.error("Unexpected error", ex);
        return errors.entity(request, problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "An unexpected error occurred; it has been logged."));
    }

    private static String sqlState(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail detail = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
        detail.setProperty("code", codeFor(ex, statusCode));
        String message = messageFor(ex);
        JsonInput.RefusedValue refused = refusedValue(ex);
        if (refused != null) {
            detail.setProperty("code", refused.code);
            message = (refused.field().isEmpty() ? "A value" : "Field '" + refused.field() + "'") + " " + refused.reason + ".";
        }
        if (message != null) {
            detail.setDetail(message);
        }
        detail.setDetail(withoutJavaInternals(detail.getDetail()));
        if (ex instanceof MethodArgumentNotValidException invalid) {
            detail.setProperty("errors", invalid.getFieldErrors().stream()
                    .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                    .toList());
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, detail, headers, statusCode, request);
        return request instanceof ServletWebRequest servlet && response != null ? errors.entity(servlet.getRequest(), response) : response;
    }

    private static JsonInput.RefusedValue refusedValue(Exception ex) {
        if (ex instanceof HttpMessageNotReadableException) {
            for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
                if (t instanceof JsonInput.RefusedValue refused) {
                    return refused;
                }
            }
        }
        return null;
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof MissingServletRequestParameterException) {
            return "MISSING_PARAMETER";
        } else if (ex instanceof MethodArgumentTypeMismatchException) {
            return "INVALID_PARAMETER";
        } else if (ex instanceof MissingServletRequestPartException) {
            return "MISSING_PART";
        } else if (ex instanceof HttpMessageNotReadableException) {
            return "MALFORMED_BODY";
        } else if (ex instanceof MethodArgumentNotValidException || ex instanceof HandlerMethodValidationException) {
            return "VALIDATION_FAILED";
        } else if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "METHOD_NOT_ALLOWED";
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "UNSUPPORTED_MEDIA_TYPE";
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "NOT_ACCEPTABLE";
        } else if (ex instanceof NoResourceFoundException) {
            return "NOT_FOUND";
        } else if (ex instanceof MaxUploadSizeExceededException) {
            return "PAYLOAD_TOO_LARGE";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name() : "HTTP_" + status.value();
    }

    private static String messageFor(Exception ex) {
        if (ex instanceof MethodArgumentTypeMismatchException e) {
            return "Parameter '" + e.getName() + "' has an invalid value '" + shown(e.getValue()) + "'"
                    + (e.getRequiredType() != null ? " (expected " + e.getRequiredType().getSimpleName() + ")." : ".");
        } else if (ex instanceof MissingServletRequestParameterException e) {
            return "Required parameter '" + e.getParameterName() + "' is missing.";
        } else if (ex instanceof MissingServletRequestPartException e) {
            return "Required part '" + e.getRequestPartName() + "' of the multipart body is missing.";
        } else if (ex instanceof HttpMessageNotReadableException) {
            return "The request body is missing or is not valid JSON of the expected shape.";
        } else if (ex instanceof MethodArgumentNotValidException e) {
            return "The request body failed validation: " + String.join("; ",
                    e.getFieldErrors().stream().map(f -> f.getField() + " " + f.getDefaultMessage()).sorted().toList());
        } else if (ex instanceof HandlerMethodValidationException e) {
            return "Invalid request: " + String.join("; ",
                    e.getAllErrors().stream().map(err -> String.valueOf(err.getDefaultMessage())).toList());
        } else if (ex instanceof NoResourceFoundException) {
            return "No such resource.";
        }
        return null;
    }

    /** A rejected value as the caller sent it (all of a repeated parameter), cut short and without control characters. */
    private static String shown(Object value) {
        String text = value instanceof Object[] array ? String.join(",", java.util.Arrays.stream(array).map(String::valueOf).toList())
                : String.valueOf(value);
        return ControlCharacters.printable(text, 100);
    }

    /**
     * A message without Java's internals, whatever a module passed on: exception class names
     * ({@code org.apache.commons.csv.CSVException: }) and array identities ({@code [Ljava.lang.String;@1a2b}).
     */
    static String withoutJavaInternals(String message) {
        if (message == null) {
            return null;
        }
        return JAVA_EXCEPTION_PREFIX.matcher(ARRAY_IDENTITY.matcher(message).replaceAll("…")).replaceAll("");
    }

    static ResponseEntity<Object> problem(HttpStatus status, String code, String message) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, withoutJavaInternals(message));
        detail.setProperty("code", code);
        return ResponseEntity.status(status).body(detail);
    }
}
