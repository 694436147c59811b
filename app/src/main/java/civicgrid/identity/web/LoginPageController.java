package civicgrid.identity.web;

import civicgrid.identity.security.LoginThrottledException;
import civicgrid.platform.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security handles the POST). */
@Controller
@Page
class LoginPageController {

    private final boolean demo;

    LoginPageController(@Value("${civicgrid.demo.enabled:true}") boolean demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(Model model, HttpServletRequest request) {
        model.addAttribute("demo", demo);
        // why the last sign-in failed, as the form login left it in the session: a wait (the same for
        // every name, so it reveals no account) or a disabled account (only after its correct password)
        HttpSession session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LoginThrottledException throttled) {
            model.addAttribute("retryAfter", throttled.retryAfterSeconds());
        } else if (failure instanceof DisabledException) {
            model.addAttribute("disabled", true);
        }
        return "login";
    }
}
