package civicgrid.response.web;

import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.CivicGridException;
import civicgrid.platform.web.Page;
import civicgrid.response.ResponseApi;
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

    private final IdentityApi identity;
    private final ResponseApi response;
    private final ResponsePageSettings settings;
    private final String tileUrl;

    IncidentPageController(IdentityApi identity, ResponseApi response, ResponsePageSettings settings,
                           @Value("${civicgrid.map.tile-url:}") String tileUrl) {
        this.identity = identity;
        this.response = response;
        this.settings = settings;
        this.tileUrl = tileUrl;
    }

    @GetMapping("/incidents")
    String incidents(Model model, Locale locale) {
        model.addAttribute("config", config(consoleUser(model), locale));
        return "incidents";
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable String id, Model model, Locale locale) {
        CurrentUser user = consoleUser(model);
        response.incident(id); // missing or out of scope: the error page says so
        Map<String, Object> config = config(user, locale);
        config.put("incidentId", id);
        config.put("tiles", tileUrl);
        model.addAttribute("config", config);
        return "incident";
    }

    private CurrentUser consoleUser(Model model) {
        CurrentUser user = identity.requireCurrentUser();
        if (!user.role().usesConsole()) {
            throw CivicGridException.forbidden("CONSOLE_NOT_ALLOWED", "Citizens use the citizen pages, not the console.");
        }
        model.addAttribute("user", user);
        return user;
    }

    private Map<String, Object> config(CurrentUser user, Locale locale) {
        Map<String, Object> config = new LinkedHashMap<>(settings.settings(locale));
        config.put("readOnly", user.role().readOnly());
        return config;
    }
}
