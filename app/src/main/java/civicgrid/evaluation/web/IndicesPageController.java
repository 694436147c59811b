package civicgrid.evaluation.web;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.platform.web.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The five indices page: a district's or street's indices in a month, drilled down to an indicator and what is behind it. */
@Controller
@Page
class IndicesPageController {

    static final List<String> LABELS = List.of("source.CASE", "source.DUTY", "source.SENSING", "source.IMPORTED", "direction.UP",
            "direction.DOWN", "noValue", "behind", "behind.cases", "behind.shops", "behind.imported", "behind.none", "behind.more",
            "measure.counted", "weight", "raw", "score", "coverage");

    private final EvaluationPages pages;
    private final GeoApi geo;

    IndicesPageController(EvaluationPages pages, GeoApi geo) {
        this.pages = pages;
        this.geo = geo;
    }

    @GetMapping("/evaluation/indices")
    String indices(Model model, Locale locale) {
        CurrentUser user = pages.viewer("The indices are for the command centers, departments and leaders.");
        // the caller's districts and streets, and the streets of a single district
        List<Map<String, String>> units = new ArrayList<>();
        for (String code : user.scope().unitCodes().stream().sorted().toList()) {
            Optional<TerritoryUnit> u = geo.unit(UnitCode.of(code));
            if (u.isEmpty()) {
                continue;
            }
            List<TerritoryUnit> listed = new ArrayList<>();
            if (u.get().level() == TerritoryLevel.CITY) {
                listed.addAll(geo.children(UnitCode.of(code)));
            } else if (u.get().level() == TerritoryLevel.DISTRICT || u.get().level() == TerritoryLevel.STREET) {
                listed.add(u.get());
            }
            for (TerritoryUnit l : listed) {
                units.add(Map.of("code", l.code(), "name", l.name()));
                if (l.level() == TerritoryLevel.DISTRICT && u.get().level() != TerritoryLevel.CITY) {
                    geo.children(UnitCode.of(l.code())).forEach(s -> units.add(Map.of("code", s.code(), "name", "· " + s.name())));
                }
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : LABELS) {
            labels.put(key, pages.text("eval.idx." + key, locale));
        }
        for (String m : List.of("REPORTED", "REPORTED_REGISTERED", "VERIFIED", "VERIFIED_ON_TIME", "REGISTERED", "REGISTERED_ON_TIME",
                "DISPATCHED", "DISPATCHED_ON_TIME", "DISPATCHED_ACCURATELY", "DUE", "HANDLED", "HANDLED_ON_TIME", "OVERDUE", "REWORKED",
                "CHECKED", "CHECKED_ON_TIME", "CLOSED", "RATED", "SATISFIED")) {
            labels.put(m, pages.text("eval.idx.measure." + m, locale));
        }
        model.addAttribute("user", user);
        model.addAttribute("units", units);
        model.addAttribute("month", EvaluationPages.thisMonth());
        model.addAttribute("labels", labels);
        return "evaluation-indices";
    }
}
