package civicgrid.evaluation.web;

import civicgrid.evaluation.domain.Grouping;
import civicgrid.evaluation.domain.Rate;
import civicgrid.evaluation.domain.SubjectKind;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import civicgrid.platform.web.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The scorecard page: a person's, department's or unit's rates, score and grade, ranked, in the page's language. */
@Controller
@Page
class EvaluationPageController {

    private final IdentityApi identity;
    private final GeoApi geo;
    private final MessageSource messages;

    EvaluationPageController(IdentityApi identity, GeoApi geo, MessageSource messages) {
        this.identity = identity;
        this.geo = geo;
        this.messages = messages;
    }

    @GetMapping("/evaluation")
    String scorecards(Model model, Locale locale) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Scorecards are for the command centers, departments and leaders.");
        }
        // the caller's units and, under a single one, the units one level down
        List<TerritoryUnit> own = user.scope().unitCodes().stream().sorted().map(c -> geo.unit(UnitCode.of(c))).flatMap(Optional::stream)
                .toList();
        List<Map<String, String>> units = new ArrayList<>();
        own.forEach(u -> units.add(Map.of("code", u.code(), "name", u.name())));
        if (own.size() == 1 && own.get(0).code().length() < 15) {
            geo.children(UnitCode.of(own.get(0).code())).forEach(u -> units.add(Map.of("code", u.code(), "name", "· " + u.name())));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Rate r : Rate.values()) {
            labels.put(r.key(), text("eval.rate." + r.key(), locale));
        }
        for (SubjectKind k : List.of(SubjectKind.COLLECTOR, SubjectKind.DISPATCHER, SubjectKind.HANDLER)) {
            labels.put(k.name(), text("eval.role." + k.name(), locale));
        }
        for (String key : List.of("empty", "count")) {
            labels.put(key, text("eval." + key, locale));
        }
        Map<String, List<String>> rates = new LinkedHashMap<>();
        for (Grouping g : Grouping.values()) {
            rates.put(g.name().toLowerCase(Locale.ROOT), g.kinds().stream().flatMap(k -> k.rates().stream()).map(Rate::key).distinct().toList());
        }
        model.addAttribute("user", user);
        model.addAttribute("units", units);
        model.addAttribute("groupings", List.of("person", "department", "grid", "community", "street", "district", "segment", "trade"));
        model.addAttribute("period", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7));
        model.addAttribute("labels", labels);
        model.addAttribute("rates", rates);
        return "evaluation";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
