package civicgrid.response.web;

import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Department;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.CivicGridException;
import civicgrid.platform.web.BundleWords;
import civicgrid.platform.web.Page;
import civicgrid.response.Incidents;
import civicgrid.response.ResponseTasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What a page's response scripts need: the words of the {@code i18n/response} bundle, the departments'
 * names, the posts whose tasks the signed-in user holds and whether they run a command center. The
 * response pages put it in their config; other console pages (the phone, the case desk) get it as the
 * model attribute {@code responseSettings} for a {@code data-response} attribute.
 */
@Component
@ControllerAdvice(annotations = Page.class)
class ResponsePageSettings {

    private final IdentityApi identity;
    private final Incidents incidents;
    private final ResponseTasks tasks;
    private final CatalogApi catalog;

    ResponsePageSettings(IdentityApi identity, Incidents incidents, ResponseTasks tasks, CatalogApi catalog) {
        this.identity = identity;
        this.incidents = incidents;
        this.tasks = tasks;
        this.catalog = catalog;
    }

    @ModelAttribute("responseSettings")
    Map<String, Object> settings(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lang", en ? "en" : "zh");
        out.put("t", BundleWords.of("i18n.response", "response.", locale));
        Map<String, String> departments = new LinkedHashMap<>();
        for (Department d : catalog.departments()) {
            departments.put(d.code(), en ? d.nameEn() : d.nameZh());
        }
        out.put("departments", departments);
        boolean signedIn = identity.currentUser().isPresent();
        out.put("mayCommand", signedIn && incidents.mayCommand());
        out.put("posts", signedIn ? tasks.myPosts() : List.of());
        return out;
    }

    /** The signed-in user of a response page, in the model as {@code user}; citizens are sent to their own pages. */
    CurrentUser consoleUser(Model model) {
        CurrentUser user = identity.requireCurrentUser();
        if (!user.role().usesConsole()) {
            throw CivicGridException.forbidden("CONSOLE_NOT_ALLOWED", "Citizens use the citizen pages, not the console.");
        }
        model.addAttribute("user", user);
        return user;
    }
}
