package civicgrid.console;

import civicgrid.identity.CurrentUser;
import civicgrid.platform.web.Page;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The work queues of the signed-in user: filters, search, paging, export; a row opens the case desk. */
@Controller
@Page
class QueuePageController {

    private final ConsoleAccess access;
    private final ConsoleLabels labels;

    QueuePageController(ConsoleAccess access, ConsoleLabels labels) {
        this.access = access;
        this.labels = labels;
    }

    @GetMapping("/queue")
    String queue(Model model, Locale locale) {
        CurrentUser user = access.requireConsoleUser();
        model.addAttribute("user", user);
        model.addAttribute("states", labels.states(locale));
        return "queue";
    }
}
