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
        model.addAttribute("tileUrl", tileUrl);
        return "snap";
    }
}
