package civicgrid.evaluation.web;

import civicgrid.evaluation.domain.Tier;
import civicgrid.geo.TerritoryLevel;
import civicgrid.identity.CurrentUser;
import civicgrid.platform.web.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The reports page: how cases were solved (tiers), trend alarms, and the daily and weekly reports kept, made and downloaded. */
@Controller
@Page
class ReportsPageController {

    private final EvaluationPages pages;

    ReportsPageController(EvaluationPages pages) {
        this.pages = pages;
    }

    @GetMapping("/evaluation/reports")
    String reports(Model model, Locale locale) {
        CurrentUser user = pages.viewer("Evaluation is for the command centers, departments and leaders.");
        Map<String, String> labels = new LinkedHashMap<>();
        for (Tier t : Tier.values()) {
            labels.put(t.name(), pages.text("eval.tier." + t.name(), locale));
        }
        for (String kind : List.of("DAILY", "WEEKLY")) {
            labels.put(kind, pages.text("eval.report.kind." + kind, locale));
        }
        labels.put("trendsEmpty", pages.text("eval.reports.trendsEmpty", locale));
        labels.put("none", pages.text("eval.report.none", locale));
        model.addAttribute("user", user);
        // the caller's units and, under a single district or street, the streets or communities one level down
        model.addAttribute("units", pages.unitsDownTo(user, TerritoryLevel.COMMUNITY));
        model.addAttribute("period", EvaluationPages.thisMonth());
        model.addAttribute("labels", labels);
        return "evaluation-reports";
    }
}
