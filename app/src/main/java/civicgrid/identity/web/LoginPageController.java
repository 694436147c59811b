package civicgrid.identity.web;

import org.springframework.beans.factory.annotation.Value;
import civicgrid.platform.web.Page;
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
    String login(Model model) {
        model.addAttribute("demo", demo);
        return "login";
    }
}
