package civicgrid.evaluation.web;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the evaluation pages (scorecards, indices, reports) share: who may open them, the units to
 * choose among, the month they open on and their words in the page's language.
 */
@Component
class EvaluationPages {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final IdentityApi identity;
    private final GeoApi geo;
    private final MessageSource messages;

    EvaluationPages(IdentityApi identity, GeoApi geo, MessageSource messages) {
        this.identity = identity;
        this.geo = geo;
        this.messages = messages;
    }

    /** The signed-in user; residents are refused with {@code refusal} (the pages are for centers, departments and leaders). */
    CurrentUser viewer(String refusal) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", refusal);
        }
        return user;
    }

    /**
     * The user's units by code and, under a single one, the units one level down (shown indented) as long as
     * they are no deeper than {@code lowest}: {@code [{code, name}]}.
     */
    List<Map<String, String>> unitsDownTo(CurrentUser user, TerritoryLevel lowest) {
        List<TerritoryUnit> own = user.scope().unitCodes().stream().sorted().map(c -> geo.unit(UnitCode.of(c))).flatMap(Optional::stream)
                .toList();
        List<Map<String, String>> units = new ArrayList<>();
        own.forEach(u -> units.add(Map.of("code", u.code(), "name", u.name())));
        if (own.size() == 1 && own.get(0).code().length() < lowest.codeLength()) {
            geo.children(UnitCode.of(own.get(0).code())).forEach(u -> units.add(Map.of("code", u.code(), "name", "· " + u.name())));
        }
        return units;
    }

    /** This month in the city, e.g. {@code 2026-12}: the period the pages open on. */
    static String thisMonth() {
        return YearMonth.now(CITY).toString();
    }

    /** A word of the page's language; the key itself when the bundle lacks it. */
    String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
