package civicgrid.intake.open311;

import civicgrid.platform.web.ErrorFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Errors under /open311/ raised outside the controller (filters, Tomcat, Spring MVC) keep the spec's error list too. */
@Component
class Open311ErrorFormat implements ErrorFormat {

    @Override
    public boolean appliesTo(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith(request.getContextPath() + "/open311/");
    }

    @Override
    public ResponseEntity<String> render(HttpServletRequest request, HttpStatus status, String code, String message) {
        return Open311Controller.Open311Errors.errors(request, status, List.of(code + ": " + message));
    }
}
