package civicgrid.console;

import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.web.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
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

    private static final List<String> ACTIONS = List.of("VERIFY", "INVALIDATE", "REGISTER", "MERGE", "DISPATCH", "ACCEPT", "RETURN",
            "REPORT_BACK", "CHECK_PASS", "CHECK_FAIL", "CLOSE", "EVALUATE", "REQUEST_POSTPONE", "APPROVE_POSTPONE", "REJECT_POSTPONE",
            "HANG", "UNHANG", "SUPERVISE", "ESCALATE", "WHISTLE", "REPORT_IN", "REPORT", "WARN", "OVERDUE");
    private static final List<String> STATES = List.of("REPORTED", "VERIFIED", "REGISTERED", "DISPATCHED", "IN_PROGRESS", "HANDLED",
            "CHECKED", "HUNG", "CLOSED", "EVALUATED", "INVALID", "MERGED");
    private static final List<String> LEVELS = List.of("COMMUNITY", "STREET", "DISTRICT", "CITY");

    private final IdentityApi identity;
    private final ConsoleAccess access;
    private final MessageSource messages;

    CaseDeskController(IdentityApi identity, ConsoleAccess access, MessageSource messages) {
        this.identity = identity;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/cases/{id}")
    String desk(@PathVariable UUID id, Model model, Locale locale) {
        return page(id, false, model, locale);
    }

    @GetMapping("/m/cases/{id}")
    String mobileDesk(@PathVariable UUID id, Model model, Locale locale) {
        return page(id, true, model, locale);
    }

    /** The grid worker's phone page: the open cases of their grid. */
    @GetMapping("/m")
    String mobile(Model model) {
        CurrentUser user = consoleUser();
        model.addAttribute("user", user);
        return "mobile";
    }

    private String page(UUID id, boolean mobile, Model model, Locale locale) {
        CurrentUser user = consoleUser();
        model.addAttribute("user", user);
        model.addAttribute("caseId", id.toString());
        model.addAttribute("mobile", mobile);
        model.addAttribute("actions", labels("action.", ACTIONS, locale));
        model.addAttribute("states", labels("state.", STATES, locale));
        model.addAttribute("levels", labels("level.", LEVELS, locale));
        return "case";
    }

    private Map<String, String> labels(String prefix, List<String> keys, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, messages.getMessage(prefix + k, null, k, locale)));
        return out;
    }

    private CurrentUser consoleUser() {
        return access.requireConsoleUser();
    }
}
