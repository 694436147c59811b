package civicgrid.intake.snap;

import civicgrid.cases.CaseState;
import civicgrid.platform.web.Page;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The snap-and-report page for residents' phones: public, zh-CN first, English with ?lang=en. */
@Controller
@Page
class SnapPageController {

    private static final java.util.List<String> ERROR_CODES = java.util.List.of("INVALID_DESCRIPTION", "LOCATION_REQUIRED",
            "TOO_MANY_PHOTOS", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_FILE_TYPE", "UNKNOWN_CATEGORY", "TOO_MANY_REPORTS", "RATE_LIMITED",
            "OUTSIDE_CITY", "INVALID_COORDINATES", "REPORT_NOT_FOUND", "RATED_BY_FIRST_REPORTER", "INVALID_RATING", "DEVICE_ID_REQUIRED",
            "INVALID_QUERY");
    private final MessageSource messages;
    private final String tileUrl;

    SnapPageController(MessageSource messages,
                       @org.springframework.beans.factory.annotation.Value("${civicgrid.map.tile-url:}") String tileUrl) {
        this.messages = messages;
        this.tileUrl = tileUrl;
    }

    @GetMapping("/snap")
    String snap(Model model, Locale locale) {
        Map<String, String> states = new LinkedHashMap<>();
        for (CaseState s : CaseState.values()) {
            states.put(s.name(), messages.getMessage("snap.state." + s.name(), null, s.name(), locale));
        }
        model.addAttribute("states", states);
        // refusals the page may meet, in its language (the page shows the server's own words for any other)
        Map<String, String> errors = new LinkedHashMap<>();
        for (String code : ERROR_CODES) {
            errors.put(code, messages.getMessage("snap.error." + code, null, code, locale));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("tileUrl", tileUrl);
        return "snap";
    }
}
