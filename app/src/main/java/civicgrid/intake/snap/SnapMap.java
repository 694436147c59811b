package civicgrid.intake.snap;

import civicgrid.cases.CaseView;
import civicgrid.cases.ChannelIntake;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.PersonalData;
import civicgrid.platform.CivicGridException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * What the residents' map shows before they tap: places of the territory found by name (districts,
 * streets, communities: the gazetteer's units) and the open reports near a point, so a resident can
 * add to one instead of reporting it again. Nothing here names a person or a case: a nearby report is
 * its category, state, distance, day and a masked excerpt of its description.
 */
@Service
class SnapMap {

    /** How far around a point open reports are listed. */
    static final double NEARBY_METERS = 500;
    static final int NEARBY_LIMIT = 20;
    static final int PLACES_LIMIT = 10;
    static final int MAX_QUERY = 30;
    static final int EXCERPT = 60;
    /** An ID card number (15 or 18 characters) or any long run of digits in free text. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9])[0-9]{11,17}[0-9Xx]?(?![0-9])");

    private final GeoApi geo;
    private final ChannelIntake intake;

    SnapMap(GeoApi geo, ChannelIntake intake) {
        this.geo = geo;
        this.intake = intake;
    }

    /** A place found by name, with its parents for telling namesakes apart, and where to centre the map. */
    record PlaceHit(String code, String name, TerritoryLevel level, String within, double lon, double lat) {
    }

    /** An open report near the point, as a stranger may see it. */
    record NearbyReport(String category, String categoryNameZh, String categoryNameEn, String state, int distanceMeters,
                        Instant reportedAt, String description, double lon, double lat) {
    }

    List<PlaceHit> places(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > MAX_QUERY) {
            throw CivicGridException.badRequest("INVALID_QUERY", "Search with 1 to " + MAX_QUERY + " characters of a place's name.");
        }
        // districts (6 digits), streets (9) and communities (12); not the city, grids or micro-grids
        List<TerritoryUnit> found = geo.search(q, null, code -> code.length() <= 12 && !code.equals(UnitCode.CITY_CODE), 2_000);
        return found.stream()
                .sorted(Comparator.comparingInt((TerritoryUnit u) -> u.name().equals(q) ? 0 : u.name().startsWith(q) ? 1 : 2)
                        .thenComparing(u -> u.level().ordinal()).thenComparingInt(u -> u.name().length()).thenComparing(TerritoryUnit::code))
                .limit(PLACES_LIMIT)
                .map(u -> new PlaceHit(u.code(), u.name(), u.level(), within(u), round(u.centroidLon()), round(u.centroidLat())))
                .toList();
    }

    List<NearbyReport> nearby(Double lon, Double lat) {
        if (lon == null || lat == null) {
            throw CivicGridException.badRequest("LOCATION_REQUIRED", "Give lon and lat of the point (WGS84 degrees).");
        }
        GeoApi.requireValidCoordinates(lon, lat);
        List<NearbyReport> out = new ArrayList<>();
        for (ChannelIntake.NearbyCase n : intake.openNear(lon, lat, NEARBY_METERS, NEARBY_LIMIT)) {
            CaseView v = n.caseView();
            out.add(new NearbyReport(v.category().code(), v.category().nameZh(), v.category().nameEn(), v.state().name(),
                    (int) Math.round(n.meters()), v.reportedAt(), excerpt(v.description()), round(v.place().lon()), round(v.place().lat())));
        }
        return out;
    }

    /** A description as strangers may read it: phone numbers and long numbers masked, cut short. */
    static String excerpt(String description) {
        if (description == null) {
            return "";
        }
        String masked = LONG_NUMBER.matcher(PersonalData.maskPhonesInText(description)).replaceAll(m -> "*".repeat(m.group().length()));
        return masked.length() <= EXCERPT ? masked : masked.substring(0, EXCERPT) + "…";
    }

    private String within(TerritoryUnit unit) {
        List<String> names = new ArrayList<>();
        Optional<TerritoryUnit> parent = parent(unit);
        while (parent.isPresent() && parent.get().level() != TerritoryLevel.CITY) {
            names.add(parent.get().name());
            parent = parent(parent.get());
        }
        return String.join(" · ", names);
    }

    private Optional<TerritoryUnit> parent(TerritoryUnit unit) {
        return unit.parentCode() == null ? Optional.empty() : geo.unit(UnitCode.of(unit.parentCode()));
    }

    /** About a metre: enough to put a pin, no false precision. */
    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }
}
