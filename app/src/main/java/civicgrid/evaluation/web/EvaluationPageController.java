package civicgrid.evaluation.web;

import civicgrid.evaluation.domain.Grouping;
import civicgrid.evaluation.domain.Rate;
import civicgrid.evaluation.domain.SubjectKind;
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

/** The scorecard page: a person's, department's or unit's rates, score and grade, ranked, in the page's language. */
@Controller
@Page
class EvaluationPageController {

    private final EvaluationPages pages;

    EvaluationPageController(EvaluationPages pages) {
        this.pages = pages;
    }

    @GetMapping("/evaluation")
    String scorecards(Model model, Locale locale) {
        CurrentUser user = pages.viewer("Scorecards are for the command centers, departments and leaders.");
        Map<String, String> labels = new LinkedHashMap<>();
        for (Rate r : Rate.values()) {
            labels.put(r.key(), pages.text("eval.rate." + r.key(), locale));
        }
        for (SubjectKind k : List.of(SubjectKind.COLLECTOR, SubjectKind.DISPATCHER, SubjectKind.HANDLER)) {
            labels.put(k.name(), pages.text("eval.role." + k.name(), locale));
        }
        for (String key : List.of("empty", "count")) {
            labels.put(key, pages.text("eval." + key, locale));
        }
        Map<String, List<String>> rates = new LinkedHashMap<>();
        for (Grouping g : Grouping.values()) {
            rates.put(g.name().toLowerCase(Locale.ROOT), g.kinds().stream().flatMap(k -> k.rates().stream()).map(Rate::key).distinct().toList());
        }
        model.addAttribute("user", user);
        // the caller's units and, under a single one, the units one level down (grids at the deepest)
        model.addAttribute("units", pages.unitsDownTo(user, TerritoryLevel.GRID));
        model.addAttribute("groupings", List.of("person", "department", "grid", "community", "street", "district", "segment", "trade"));
        model.addAttribute("period", EvaluationPages.thisMonth());
        model.addAttribute("labels", labels);
        model.addAttribute("rates", rates);
        return "evaluation";
    }
}
