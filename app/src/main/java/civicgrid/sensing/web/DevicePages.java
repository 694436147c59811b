package civicgrid.sensing.web;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.web.Page;
import civicgrid.sensing.app.DeviceRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The sensing console: the devices of the user's territory, and one device with its chart, alarms and rules. */
@Controller
@Page
class DevicePages {

    private final DeviceRegistry registry;
    private final IdentityApi identity;
    private final GeoApi geo;
    private final SensingLabels labels;

    DevicePages(DeviceRegistry registry, IdentityApi identity, GeoApi geo, SensingLabels labels) {
        this.registry = registry;
        this.identity = identity;
        this.geo = geo;
        this.labels = labels;
    }

    /** The list, filtered by profile, a unit of the territory (its children are offered), connection and alarms. */
    @GetMapping("/devices")
    String devices(Model model, Locale locale) {
        registry.list(new DeviceRegistry.ListQuery(null, null, null, null, null, 1)); // refuses roles without the console
        CurrentUser user = identity.requireCurrentUser();
        List<TerritoryUnit> territory = user.scope().unitCodes().stream().sorted().map(c -> geo.unit(UnitCode.of(c))).flatMap(Optional::stream)
                .toList();
        List<TerritoryUnit> units = territory.size() == 1 ? geo.children(UnitCode.of(territory.get(0).code())) : territory;
        model.addAttribute("user", user);
        model.addAttribute("units", units.stream().map(u -> Map.of("code", u.code(), "name", u.name())).toList());
        model.addAttribute("labels", labels.of(locale));
        return "devices";
    }

    /** One device; another territory's device is not found (as in the API). */
    @GetMapping("/devices/{id}")
    String device(@PathVariable String id, Model model, Locale locale) {
        registry.get(id);
        CurrentUser user = identity.requireCurrentUser();
        model.addAttribute("user", user);
        model.addAttribute("deviceId", id);
        model.addAttribute("admin", user.role() == Role.ADMINISTRATOR);
        model.addAttribute("readOnly", user.role().readOnly());
        model.addAttribute("labels", labels.of(locale));
        return "device";
    }
}
