package civicgrid.console;

import civicgrid.platform.web.BundleWords;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The desk's own words (its {@code i18n/desk} bundle: clocks, channels, refusals by code, labels) as
 * one dictionary for its script, keys without the {@code desk.} prefix. Chinese unless the page is English.
 */
@Component
class DeskDictionary {

    Map<String, String> words(Locale locale) {
        return BundleWords.of("i18n.desk", "desk.", locale);
    }
}
