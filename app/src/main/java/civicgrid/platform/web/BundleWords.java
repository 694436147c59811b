package civicgrid.platform.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A page's own words for its script: the keys of an i18n bundle under a prefix, prefix dropped,
 * as one dictionary. Chinese unless the page is English (no fallback to the JVM's locale: Chinese
 * is the bundle without suffix). Loaded once per bundle, prefix and language.
 */
public final class BundleWords {

    private static final Map<String, Map<String, String>> CACHE = new ConcurrentHashMap<>();

    private BundleWords() {
    }

    /** {@code bundle} as a class-path base name ({@code i18n.desk}), {@code prefix} with its dot ({@code desk.}). */
    public static Map<String, String> of(String bundle, String prefix, Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "zh";
        return CACHE.computeIfAbsent(bundle + '|' + prefix + '|' + language, k -> load(bundle, prefix, language));
    }

    private static Map<String, String> load(String bundleName, String prefix, String language) {
        ResourceBundle bundle = ResourceBundle.getBundle(bundleName, "en".equals(language) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> out = new TreeMap<>();
        bundle.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(k -> out.put(k.substring(prefix.length()), bundle.getString(k)));
        return Map.copyOf(out);
    }
}
