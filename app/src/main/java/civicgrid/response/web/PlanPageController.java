package civicgrid.response.web;

import civicgrid.catalog.CatalogApi;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.web.Page;
import civicgrid.response.ResponsePlans;
import civicgrid.response.domain.ResponsePlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The console's plan pages: the plans of the user's territory, and one plan with its steps, its
 * version history and, for the center that owns it and administrators, the step editor. Shells: the
 * plans come through the API; the config carries the words the API's codes need (territories,
 * categories, posts, departments).
 */
@Controller
@Page
class PlanPageController {

    private final IdentityApi identity;
    private final ResponsePlans plans;
    private final ResponsePageSettings settings;
    private final CatalogApi catalog;
    private final GeoApi geo;

    PlanPageController(IdentityApi identity, ResponsePlans plans, ResponsePageSettings settings, CatalogApi catalog, GeoApi geo) {
        this.identity = identity;
        this.plans = plans;
        this.settings = settings;
        this.catalog = catalog;
        this.geo = geo;
    }

    @GetMapping("/plans")
    String plans(Model model, Locale locale) {
        settings.consoleUser(model);
        model.addAttribute("config", config(plans.plans(), locale));
        return "plans";
    }

    @GetMapping("/plans/{code}")
    String plan(@PathVariable String code, Model model, Locale locale) {
        settings.consoleUser(model);
        ResponsePlan plan = plans.plan(code); // unknown or out of scope: the error page says so
        Map<String, Object> config = config(List.of(plan), locale);
        config.put("planCode", plan.code());
        config.put("mayEdit", plans.mayEditPlan(code));
        config.put("postCodes", new TreeSet<>(identity.postCodes()));
        model.addAttribute("config", config);
        return "plan";
    }

    /** The response words, plus the names of the territories and case categories these plans name. */
    private Map<String, Object> config(List<ResponsePlan> shown, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        Map<String, Object> config = new LinkedHashMap<>(settings.settings(locale));
        Map<String, String> territories = new LinkedHashMap<>();
        Map<String, String> categories = new LinkedHashMap<>();
        Set<String> categoryCodes = new TreeSet<>();
        for (ResponsePlan plan : shown) {
            territories.computeIfAbsent(plan.territoryCode(), code -> geo.unit(UnitCode.of(code)).map(TerritoryUnit::name).orElse(code));
            categoryCodes.addAll(plan.trigger().categories());
        }
        categoryCodes.forEach(code -> catalog.category(code).ifPresent(c -> categories.put(code, en ? c.nameEn() : c.nameZh())));
        config.put("territories", territories);
        config.put("categories", categories);
        return config;
    }
}
