package civicgrid.console;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The desk's own words (its {@code i18n/desk} bundle: clocks, channels, refusals by code, labels) as
 * one dictionary for its script, keys without the {@code desk.} prefix. Chinese unless the page is English.
 */
@Component
class DeskDictionary {

    private static final String PREFIX = "desk.";
    private final Map<String, Map<String, String>> byLanguage = new ConcurrentHashMap<>();

    Map<String, String> words(Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "zh";
        return byLanguage.computeIfAbsent(language, DeskDictionary::load);
    }

    private static Map<String, String> load(String language) {
        // no fallback to the JVM's locale: Chinese is the bundle without suffix
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.desk", "en".equals(language) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> out = new TreeMap<>();
        bundle.keySet().stream().filter(k -> k.startsWith(PREFIX)).forEach(k -> out.put(k.substring(PREFIX.length()), bundle.getString(k)));
        return Map.copyOf(out);
    }
}
