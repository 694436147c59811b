package civicgrid.console;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.Role;
import civicgrid.platform.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's pages: home (role, territory, units below) and the one-screen map. */
@Controller
@Page
class HomeController {

    private final ConsoleAccess access;
    private final GeoApi geo;
    private final ConsoleLabels labels;
    private final String tileUrl;
    private final MessageSource messages;

    HomeController(ConsoleAccess access, GeoApi geo, ConsoleLabels labels,
                   @org.springframework.beans.factory.annotation.Value("${civicgrid.map.tile-url:}") String tileUrl,
                   MessageSource messages) {
        this.access = access;
        this.messages = messages;
        this.geo = geo;
        this.labels = labels;
        this.tileUrl = tileUrl;
    }

    /**
     * Where a sign-in lands: residents on their own reports, grid workers and community staff on
     * their phone page (which links back here with {@code ?console}), everybody else on this page.
     */
    @GetMapping("/")
    String home(Model model, @RequestParam(name = "console", required = false) String console) {
        Role role = access.signedIn().role();
        if (role == Role.CITIZEN) {
            return "redirect:/snap?tab=mine";
        }
        if (console == null && (role == Role.GRID_WORKER || role == Role.COMMUNITY_STAFF)) {
            return "redirect:/m";
        }
        CurrentUser user = consoleUser();
        List<TerritoryUnit> territory = user.scope().unitCodes().stream().sorted()
                .map(code -> geo.unit(UnitCode.of(code))).flatMap(Optional::stream).toList();
        List<TerritoryUnit> children = territory.size() == 1 ? geo.children(UnitCode.of(territory.get(0).code())) : territory;
        model.addAttribute("user", user);
        model.addAttribute("territory", territory);
        model.addAttribute("children", children);
        model.addAttribute("segments", user.roadSegments().stream().sorted().toList());
        return "home";
    }

    /** The phone page of grid workers and community staff: their open cases with their clocks, and reporting a problem. */
    @GetMapping("/m")
    String mobile(Model model, java.util.Locale locale) {
        CurrentUser user = consoleUser();
        model.addAttribute("user", user);
        model.addAttribute("states", labels.states(locale));
        model.addAttribute("tileUrl", tileUrl);
        // the map of the report form opens on the user's own unit (a grid, a community)
        TerritoryUnit home = user.scope().unitCodes().stream().sorted().findFirst().flatMap(code -> geo.unit(UnitCode.of(code)))
                .orElseGet(() -> geo.requireUnit(UnitCode.of(UnitCode.CITY_CODE)));
        model.addAttribute("center", List.of(home.centroidLon(), home.centroidLat()));
        return "mobile";
    }

    /** The one-screen map of the user's territory with its open cases, live. */
    @GetMapping("/map")
    String map(Model model, java.util.Locale locale, HttpServletResponse response) {
        CurrentUser user = consoleUser();
        if (user.scope().unitCodes().isEmpty()) {
            return noTerritory(model, locale, response);
        }
        model.addAttribute("user", user);
        model.addAttribute("scope", user.scope().unitCodes().stream().sorted().toList());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("states", labels.states(locale));
        return "map";
    }

    /** Statistics of the user's territory over the last 30 days. */
    @GetMapping("/dashboard")
    String dashboard(Model model, java.util.Locale locale, HttpServletResponse response) {
        CurrentUser user = consoleUser();
        if (user.scope().unitCodes().isEmpty()) {
            return noTerritory(model, locale, response);
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        model.addAttribute("user", user);
        model.addAttribute("from", today.minusDays(29).toString());
        model.addAttribute("to", today.plusDays(1).toString());
        model.addAttribute("states", labels.states(locale));
        model.addAttribute("channels", labels.channels(locale));
        return "dashboard";
    }

    /**
     * The map and the statistics are of a territory: a user with none (a road-segment chief, who reads
     * the cases of their segments in the queue) gets a page saying so and leading there, not a page whose
     * every request is refused.
     */
    private String noTerritory(Model model, java.util.Locale locale, HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("status", HttpStatus.FORBIDDEN.value());
        model.addAttribute("code", "NO_TERRITORY");
        model.addAttribute("message", messages.getMessage("home.noTerritory", null, locale));
        model.addAttribute("back", "/queue");
        model.addAttribute("backLabel", messages.getMessage("nav.queue", null, locale));
        return "error/page";
    }

    private CurrentUser consoleUser() {
        return access.requireConsoleUser();
    }
}
