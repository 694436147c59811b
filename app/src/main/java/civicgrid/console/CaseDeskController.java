package civicgrid.console;

import civicgrid.identity.CurrentUser;
import civicgrid.platform.web.Page;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case desk (one case, its clock, history, photos and the actions the user may take now) for
 * the office screen and, on a phone, the grid worker's view of their grid. The pages are shells:
 * data and actions go through the same API, with the same rules, as every other client.
 */
@Controller
@Page
class CaseDeskController {

    private final ConsoleAccess access;
    private final ConsoleLabels labels;

    CaseDeskController(ConsoleAccess access, ConsoleLabels labels) {
        this.access = access;
        this.labels = labels;
    }

    @GetMapping("/cases/{id}")
    String desk(@PathVariable UUID id, Model model, Locale locale) {
        return page(id, false, model, locale);
    }

    @GetMapping("/m/cases/{id}")
    String mobileDesk(@PathVariable UUID id, Model model, Locale locale) {
        return page(id, true, model, locale);
    }

    private String page(UUID id, boolean mobile, Model model, Locale locale) {
        CurrentUser user = consoleUser();
        model.addAttribute("user", user);
        model.addAttribute("caseId", id.toString());
        model.addAttribute("mobile", mobile);
        model.addAttribute("actions", labels.actions(locale));
        model.addAttribute("states", labels.states(locale));
        model.addAttribute("levels", labels.levels(locale));
        return "case";
    }

    private CurrentUser consoleUser() {
        return access.requireConsoleUser();
    }
}
