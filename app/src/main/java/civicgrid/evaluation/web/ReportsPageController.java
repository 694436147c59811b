package civicgrid.evaluation.web;

import civicgrid.evaluation.domain.Tier;
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

/** The reports page: how cases were solved (tiers), trend alarms, and the daily and weekly reports kept, made and downloaded. */
@Controller
@Page
class ReportsPageController {

    private final IdentityApi identity;
    private final GeoApi geo;
    private final MessageSource messages;

    ReportsPageController(IdentityApi identity, GeoApi geo, MessageSource messages) {
        this.identity = identity;
        this.geo = geo;
        this.messages = messages;
    }

    @GetMapping("/evaluation/reports")
    String reports(Model model, Locale locale) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Evaluation is for the command centers, departments and leaders.");
        }
        // the caller's units and, under a single district or street, the streets or communities one level down
        List<TerritoryUnit> own = user.scope().unitCodes().stream().sorted().map(c -> geo.unit(UnitCode.of(c))).flatMap(Optional::stream)
                .toList();
        List<Map<String, String>> units = new ArrayList<>();
        own.forEach(u -> units.add(Map.of("code", u.code(), "name", u.name())));
        if (own.size() == 1 && own.get(0).code().length() < 12) {
            geo.children(UnitCode.of(own.get(0).code())).forEach(u -> units.add(Map.of("code", u.code(), "name", "· " + u.name())));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Tier t : Tier.values()) {
            labels.put(t.name(), text("eval.tier." + t.name(), locale));
        }
        for (String kind : List.of("DAILY", "WEEKLY")) {
            labels.put(kind, text("eval.report.kind." + kind, locale));
        }
        labels.put("trendsEmpty", text("eval.reports.trendsEmpty", locale));
        labels.put("none", text("eval.report.none", locale));
        model.addAttribute("user", user);
        model.addAttribute("units", units);
        model.addAttribute("period", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7));
        model.addAttribute("labels", labels);
        return "evaluation-reports";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
