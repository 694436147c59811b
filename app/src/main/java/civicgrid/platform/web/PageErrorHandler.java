package civicgrid.platform.web;

import civicgrid.platform.CivicGridException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refusals on pages become a readable page with the same machine code, not JSON. */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorHandler {

    @ExceptionHandler(CivicGridException.class)
    String refused(CivicGridException ex, Model model, HttpServletResponse response) {
        response.setStatus(ex.status().value());
        model.addAttribute("status", ex.status().value());
        model.addAttribute("code", ex.code());
        model.addAttribute("message", ex.getMessage());
        return "error/page";
    }
}
