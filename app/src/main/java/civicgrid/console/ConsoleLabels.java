package civicgrid.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Localised names of case states, actions and levels, handed to the pages' scripts as dictionaries. */
@Component
class ConsoleLabels {

    private static final List<String> ACTIONS = List.of("VERIFY", "INVALIDATE", "REGISTER", "MERGE", "DISPATCH", "ACCEPT", "RETURN",
            "REPORT_BACK", "CHECK_PASS", "CHECK_FAIL", "CLOSE", "EVALUATE", "REQUEST_POSTPONE", "APPROVE_POSTPONE", "REJECT_POSTPONE",
            "HANG", "UNHANG", "SUPERVISE", "ESCALATE", "WHISTLE", "REPORT_IN", "REPORT", "WARN", "OVERDUE");
    private static final List<String> STATES = List.of("REPORTED", "VERIFIED", "REGISTERED", "DISPATCHED", "IN_PROGRESS", "HANDLED",
            "CHECKED", "HUNG", "CLOSED", "EVALUATED", "INVALID", "MERGED");
    private static final List<String> LEVELS = List.of("COMMUNITY", "STREET", "DISTRICT", "CITY");

    private final MessageSource messages;

    ConsoleLabels(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, String> states(Locale locale) {
        return labels("state.", STATES, locale);
    }

    Map<String, String> actions(Locale locale) {
        return labels("action.", ACTIONS, locale);
    }

    /** Intake channels in words (the desk's bundle names them). */
    Map<String, String> channels(Locale locale) {
        return labels("desk.channel.", java.util.Arrays.stream(civicgrid.cases.Channel.values()).map(Enum::name).toList(), locale);
    }

    Map<String, String> levels(Locale locale) {
        return labels("level.", LEVELS, locale);
    }

    private Map<String, String> labels(String prefix, List<String> keys, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, messages.getMessage(prefix + k, null, k, locale)));
        return out;
    }
}
