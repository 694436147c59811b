package civicgrid.sensing.web;

import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Category;
import civicgrid.sensing.app.Commands;
import civicgrid.sensing.domain.Alarm;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Rule;
import civicgrid.sensing.domain.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every sensing code in words of the page's language, for the pages' {@code data-config}: profiles,
 * alarm types, severities, alarm statuses, device states, changes, telemetry keys, and the pages'
 * own texts. Also used by the map page ({@code @sensingLabels.of(#locale)}) for its sensors layer.
 */
@Component("sensingLabels")
public class SensingLabels {

    private static final List<String> STATES = List.of("NORMAL", "OFFLINE", "ALARM");
    private static final List<String> CHANGES = List.of("RAISED", "ESCALATED", "ACKNOWLEDGED", "CLEARED");
    private static final List<String> SOURCES = List.of("PROFILE", "DEVICE");
    private static final List<String> TEXTS = List.of("ack", "clear", "acked", "more", "count", "chart.none", "alarms.none", "rules.saved",
            "rules.readonly", "yes", "no", "layer", "layer.alarmUnacked", "filter.any", "rule.for", "rule.absent", "rule.rate", "rule.and", "rule.or",
            "rule.then", "rule.followUp", "rule.ack", "rule.hours", "rule.command", "rule.openCase", "rule.webhook", "rule.urgent",
            "rule.routeTo.GRID", "rule.routeTo.DISTRICT", "rule.none");

    private final MessageSource messages;
    private final CatalogApi catalog;

    SensingLabels(MessageSource messages, CatalogApi catalog) {
        this.messages = messages;
        this.catalog = catalog;
    }

    public Map<String, Object> of(Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> profiles = new LinkedHashMap<>();
        Map<String, String> alarmTypes = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (Profile p : Profile.values()) {
            profiles.put(p.name(), msg("sensing.profile." + p.name(), p.name(), locale));
            for (Rule r : p.defaultRules().rules()) {
                alarmTypes.put(r.alarmType(), msg("sensing.alarm." + r.alarmType(), r.alarmType(), locale));
                if (r.followUp() != null) {
                    alarmTypes.put(r.followUp().alarmType(), msg("sensing.alarm." + r.followUp().alarmType(), r.followUp().alarmType(), locale));
                }
            }
            p.keys().forEach(k -> keys.put(k, msg("sensing.key." + k, k, locale)));
        }
        // not a rule's: raised when an actuator never acknowledged its command
        alarmTypes.put(Commands.FAILED_ALARM, msg("sensing.alarm." + Commands.FAILED_ALARM, Commands.FAILED_ALARM, locale));
        Map<String, String> categories = new LinkedHashMap<>();
        boolean english = "en".equals(locale.getLanguage());
        for (Category c : catalog.categories(false)) {
            categories.put(c.code(), english && c.nameEn() != null ? c.nameEn() : c.nameZh());
        }
        out.put("profiles", profiles);
        out.put("categories", categories);
        out.put("alarmTypes", alarmTypes);
        out.put("keys", keys);
        out.put("severities", words("sensing.severity.", java.util.Arrays.stream(Severity.values()).map(Enum::name).toList(), locale));
        out.put("statuses", words("sensing.status.", java.util.Arrays.stream(Alarm.Status.values()).map(Enum::name).toList(), locale));
        out.put("states", words("sensing.state.", STATES, locale));
        out.put("changes", words("sensing.change.", CHANGES, locale));
        out.put("sources", words("sensing.source.", SOURCES, locale));
        out.put("text", words("sensing.", TEXTS, locale));
        return out;
    }

    private Map<String, String> words(String prefix, List<String> codes, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        codes.forEach(c -> m.put(c, msg(prefix + c, c, locale)));
        return m;
    }

    private String msg(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
