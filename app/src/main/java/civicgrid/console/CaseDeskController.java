package civicgrid.console;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseId;
import civicgrid.cases.CaseView;
import civicgrid.cases.CasesApi;
import civicgrid.identity.CurrentUser;
import civicgrid.platform.CivicGridException;
import civicgrid.platform.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case desk (one case, its clock, history, photos and the actions the user may take now) for
 * the office screen and, on a phone, the grid worker's view of their grid. The pages are shells:
 * data and actions go through the same API, with the same rules, as every other client. A case the
 * user may not see, or that does not exist, gets a page saying so in the page's language.
 */
@Controller
@Page
class CaseDeskController {

    private final ConsoleAccess access;
    private final ConsoleLabels labels;
    private final DeskDictionary dictionary;
    private final CasesApi cases;

    CaseDeskController(ConsoleAccess access, ConsoleLabels labels, DeskDictionary dictionary, CasesApi cases) {
        this.access = access;
        this.labels = labels;
        this.dictionary = dictionary;
        this.cases = cases;
    }

    @GetMapping("/cases/{id}")
    String desk(@PathVariable String id, Model model, Locale locale, HttpServletResponse response) {
        return page(id, false, model, locale, response);
    }

    @GetMapping("/m/cases/{id}")
    String mobileDesk(@PathVariable String id, Model model, Locale locale, HttpServletResponse response) {
        return page(id, true, model, locale, response);
    }

    private String page(String id, boolean mobile, Model model, Locale locale, HttpServletResponse response) {
        CurrentUser user = consoleUser();
        CaseView shown;
        try {
            shown = cases.get(CaseId.parse(id));
        } catch (IllegalArgumentException malformed) {
            return cannotOpen(HttpStatus.BAD_REQUEST, "INVALID_CASE_ID", mobile, model, locale, response);
        } catch (CivicGridException refused) {
            return cannotOpen(refused.status(), refused.code(), mobile, model, locale, response);
        }
        model.addAttribute("user", user);
        model.addAttribute("caseId", id);
        model.addAttribute("mobile", mobile);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("lang", locale.getLanguage());
        config.put("actions", labels.actions(locale));
        config.put("states", labels.states(locale));
        config.put("levels", labels.levels(locale));
        config.put("t", dictionary.words(locale));
        config.put("needsReason", CasesApi.actionsNeedingReason().stream().map(CaseAction::name).toList());
        config.put("readOnly", user.role().readOnly());
        // a road-segment chief reading a case outside their territory: the page says why nothing is offered
        config.put("segmentReader", !user.sees(shown.place().gridCode()) && user.chiefOf(shown.place().roadSegmentCode()));
        model.addAttribute("hasTerritory", !user.scope().unitCodes().isEmpty());
        model.addAttribute("config", config);
        return "case";
    }

    /** The error page with the reason in the page's language and a way back to the user's work. */
    private String cannotOpen(HttpStatus status, String code, boolean mobile, Model model, Locale locale, HttpServletResponse response) {
        Map<String, String> words = dictionary.words(locale);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("code", code);
        model.addAttribute("message", words.getOrDefault("missing." + code, words.get("missing.title")));
        model.addAttribute("back", mobile ? "/m" : "/queue");
        model.addAttribute("backLabel", words.get(mobile ? "ui.backMobile" : "ui.back"));
        return "error/page";
    }

    private CurrentUser consoleUser() {
        return access.requireConsoleUser();
    }
}
