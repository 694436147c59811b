package civicgrid.console;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.platform.web.Page;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's pages: home (role, territory, units below) and the one-screen map. */
@Controller
@Page
class HomeController {

    private final ConsoleAccess access;
    private final GeoApi geo;
    private final ConsoleLabels labels;
    private final String tileUrl;

    HomeController(ConsoleAccess access, GeoApi geo, ConsoleLabels labels,
                   @org.springframework.beans.factory.annotation.Value("${civicgrid.map.tile-url:}") String tileUrl) {
        this.access = access;
        this.geo = geo;
        this.labels = labels;
        this.tileUrl = tileUrl;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = consoleUser();
        List<TerritoryUnit> territory = user.scope().unitCodes().stream().sorted()
                .map(code -> geo.unit(UnitCode.of(code))).flatMap(Optional::stream).toList();
        List<TerritoryUnit> children = territory.size() == 1 ? geo.children(UnitCode.of(territory.get(0).code())) : territory;
        model.addAttribute("user", user);
        model.addAttribute("territory", territory);
        model.addAttribute("children", children);
        return "home";
    }

    /** The one-screen map of the user's territory with its open cases, live. */
    @GetMapping("/map")
    String map(Model model, java.util.Locale locale) {
        CurrentUser user = consoleUser();
        model.addAttribute("user", user);
        model.addAttribute("scope", user.scope().unitCodes().stream().sorted().toList());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("states", labels.states(locale));
        return "map";
    }

    /** Statistics of the user's territory over the last 30 days. */
    @GetMapping("/dashboard")
    String dashboard(Model model, java.util.Locale locale) {
        CurrentUser user = consoleUser();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        model.addAttribute("user", user);
        model.addAttribute("from", today.minusDays(29).toString());
        model.addAttribute("to", today.plusDays(1).toString());
        model.addAttribute("states", labels.states(locale));
        return "dashboard";
    }

    private CurrentUser consoleUser() {
        return access.requireConsoleUser();
    }
}
