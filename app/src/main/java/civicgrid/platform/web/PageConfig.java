package civicgrid.platform.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server values a page's script needs (labels, scope, tile server), as JSON for a
 * {@code data-config} attribute: {@code th:with="config=${@pageConfig.json({lang: #locale.language})}" th:data-config="${config}"}
 * (computed in {@code th:with}: Thymeleaf refuses bean calls in plain attributes).
 * The attribute is escaped like any other, and the script reads it with {@code JSON.parse}, so pages
 * need no inline script (the Content-Security-Policy allows none).
 */
@Component("pageConfig")
public class PageConfig {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /**
     * A page's refusals in its language, code → words, for {@code CG.refusal}: the keys
     * {@code <prefix>refusal.<CODE>} of the bundle {@code i18n.<bundle>}
     * ({@code refusals: ${@pageConfig.refusals('sensing', 'sensing.', #locale)}}).
     */
    public Map<String, String> refusals(String bundle, String prefix, Locale locale) {
        return BundleWords.of("i18n." + bundle, prefix + "refusal.", locale);
    }
}
