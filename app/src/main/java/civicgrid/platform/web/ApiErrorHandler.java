package civicgrid.platform.web;

import civicgrid.platform.CivicGridException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
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

    @ExceptionHandler(CivicGridException.class)
    ResponseEntity<Object> handleDomain(CivicGridException ex) {
        ResponseEntity<Object> problem = problem(ex.status(), ex.code(), ex.getMessage());
        if (ex.retryAfter() == null) {
            return problem;
        }
        return ResponseEntity.status(ex.status()).header(HttpHeaders.RETRY_AFTER,
                String.valueOf(CivicGridException.retryAfterSeconds(ex.retryAfter()))).body(problem.getBody());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentChange(OptimisticLockingFailureException ex) {
        return problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "Someone else changed this record at the same time; reload it and try again.");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> handleDenied(RuntimeException ex) {
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role or territory does not allow this.");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraint(ConstraintViolationException ex) {
        List<String> violations = ex.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
        ResponseEntity<Object> response = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", String.join("; ", violations));
        ((ProblemDetail) response.getBody()).setProperty("errors", violations);
        return response;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "An unexpected error occurred; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail detail = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
        detail.setProperty("code", codeFor(ex, statusCode));
        String message = messageFor(ex);
        if (message != null) {
            detail.setDetail(message);
        }
        if (ex instanceof MethodArgumentNotValidException invalid) {
            detail.setProperty("errors", invalid.getFieldErrors().stream()
                    .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                    .toList());
        }
        return super.handleExceptionInternal(ex, detail, headers, statusCode, request);
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof MissingServletRequestParameterException) {
            return "MISSING_PARAMETER";
        } else if (ex instanceof MethodArgumentTypeMismatchException) {
            return "INVALID_PARAMETER";
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
            return "Parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'"
                    + (e.getRequiredType() != null ? " (expected " + e.getRequiredType().getSimpleName() + ")." : ".");
        } else if (ex instanceof MissingServletRequestParameterException e) {
            return "Required parameter '" + e.getParameterName() + "' is missing.";
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

    static ResponseEntity<Object> problem(HttpStatus status, String code, String message) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
        detail.setProperty("code", code);
        return ResponseEntity.status(status).body(detail);
    }
}
