package civicgrid.console;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.CivicGridException;
import java.util.List;
import java.util.Optional;
import civicgrid.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home: the user's role, territory and the units directly below it. */
@Controller
@Page
class HomeController {

    private final IdentityApi identity;
    private final GeoApi geo;

    HomeController(IdentityApi identity, GeoApi geo) {
        this.identity = identity;
        this.geo = geo;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = identity.requireCurrentUser();
        if (!user.role().usesConsole()) {
            throw CivicGridException.forbidden("CONSOLE_NOT_ALLOWED", "Citizens use the citizen pages, not the console.");
        }
        List<TerritoryUnit> territory = user.scope().unitCodes().stream().sorted()
                .map(code -> geo.unit(UnitCode.of(code))).flatMap(Optional::stream).toList();
        List<TerritoryUnit> children = territory.size() == 1 ? geo.children(UnitCode.of(territory.get(0).code())) : territory;
        model.addAttribute("user", user);
        model.addAttribute("territory", territory);
        model.addAttribute("children", children);
        return "home";
    }
}
