package civicgrid.response.web;

import civicgrid.identity.CurrentUser;
import civicgrid.platform.web.Page;
import civicgrid.response.Incidents;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The console's response pages: the incidents with the post's task queue, and one incident's
 * situation (place, tasks, responders, log, closing). Shells: data and actions go through the API.
 */
@Controller
@Page
class IncidentPageController {

    private final Incidents incidents;
    private final ResponsePageSettings settings;
    private final String tileUrl;

    IncidentPageController(Incidents incidents, ResponsePageSettings settings,
                           @Value("${civicgrid.map.tile-url:}") String tileUrl) {
        this.incidents = incidents;
        this.settings = settings;
        this.tileUrl = tileUrl;
    }

    @GetMapping("/incidents")
    String incidents(Model model, Locale locale) {
        model.addAttribute("config", config(settings.consoleUser(model), locale));
        return "incidents";
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable String id, Model model, Locale locale) {
        CurrentUser user = settings.consoleUser(model);
        incidents.incident(id); // missing or out of scope: the error page says so
        Map<String, Object> config = config(user, locale);
        config.put("incidentId", id);
        config.put("tiles", tileUrl);
        model.addAttribute("config", config);
        return "incident";
    }

    private Map<String, Object> config(CurrentUser user, Locale locale) {
        Map<String, Object> config = new LinkedHashMap<>(settings.settings(locale));
        config.put("readOnly", user.role().readOnly());
        return config;
    }
}
