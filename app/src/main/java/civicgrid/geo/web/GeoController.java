package civicgrid.geo.web;

import civicgrid.geo.GeoApi;
import civicgrid.geo.Location;
import civicgrid.geo.RoadSegmentRef;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.geo.domain.TerritoryModel;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.PersonalData;
import civicgrid.platform.CivicGridException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Locate, the territory tree, search and map GeoJSON. Locate answers for any signed-in user (it is
 * reference data); units and their children only inside the user's scope (and the units enclosing
 * it, for breadcrumbs).
 */
@RestController
@RequestMapping("/api/v1/geo")
class GeoController {

    static final int MAX_BATCH = 1000;
    private static final int CACHE_LIMIT = 4000;
    private final GeoApi geo;
    private final IdentityApi identity;
    /** Rendered GeoJSON; bounded, the least used go first, and none is kept for more than an hour unused. */
    private final Cache<String, String> geoJsonCache = Caffeine.newBuilder().maximumSize(CACHE_LIMIT)
            .expireAfterAccess(Duration.ofHours(1)).build();

    GeoController(GeoApi geo, IdentityApi identity) {
        this.geo = geo;
        this.identity = identity;
    }

    @GetMapping("/locate")
    Location locate(@RequestParam double lon, @RequestParam double lat) {
        Location where = geo.locate(lon, lat).orElseThrow(() -> CivicGridException.notFound("OUTSIDE_CITY",
                "The point lon=" + lon + ", lat=" + lat + " lies outside the city's territory."));
        return shownTo(identity.requireCurrentUser(), where);
    }

    record Point(@NotNull Double lon, @NotNull Double lat) {
    }

    record BatchRequest(@NotNull @Size(min = 1, max = MAX_BATCH) List<@NotNull @Valid Point> points) {
    }

    record BatchResult(int index, Location location, String error) {
    }

    /** Up to 1,000 points at once; each answer says where, or why not (OUTSIDE_CITY, INVALID_COORDINATES). */
    @PostMapping("/locate")
    List<BatchResult> locateBatch(@Valid @RequestBody BatchRequest request) {
        CurrentUser user = identity.requireCurrentUser();
        List<BatchResult> results = new ArrayList<>(request.points().size());
        for (int i = 0; i < request.points().size(); i++) {
            Point p = request.points().get(i);
            try {
                int index = i;
                results.add(geo.locate(p.lon(), p.lat()).map(l -> new BatchResult(index, shownTo(user, l), null))
                        .orElseGet(() -> new BatchResult(index, null, "OUTSIDE_CITY")));
            } catch (CivicGridException e) {
                results.add(new BatchResult(i, null, e.code()));
            }
        }
        return results;
    }

    /** The user's own territory: the units they are assigned to. */
    @GetMapping("/tree")
    List<TerritoryUnit> tree() {
        CurrentUser user = identity.requireCurrentUser();
        return user.scope().unitCodes().stream().sorted().map(code -> geo.unit(UnitCode.of(code)))
                .flatMap(java.util.Optional::stream).toList();
    }

    @GetMapping("/units/{code}")
    TerritoryUnit unit(@PathVariable String code) {
        UnitCode unit = visible(code);
        return geo.requireUnit(unit);
    }

    @GetMapping("/units/{code}/children")
    List<TerritoryUnit> children(@PathVariable String code) {
        UnitCode unit = visible(code);
        CurrentUser user = identity.requireCurrentUser();
        return geo.children(unit).stream().filter(u -> seesOrEncloses(user, u.code())).toList();
    }

    @GetMapping(value = "/units/{code}/children.geojson", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    String childrenGeoJson(@PathVariable String code, @RequestParam(defaultValue = "12") int zoom) {
        if (zoom < 0 || zoom > 22) {
            throw CivicGridException.badRequest("INVALID_ZOOM", "zoom must be between 0 and 22.");
        }
        UnitCode unit = visible(code);
        CurrentUser user = identity.requireCurrentUser();
        TerritoryModel.Node node = geo.model().node(unit.value()).orElseThrow();
        List<TerritoryModel.Node> children = node.children().stream().filter(c -> seesOrEncloses(user, c.code())).toList();
        String key = unit.value() + "/" + zoom + "/" + children.size();
        return geoJsonCache.get(key, k -> GeoJson.featureCollection(children, zoom));
    }

    @GetMapping("/units")
    List<TerritoryUnit> search(@RequestParam String q, @RequestParam(required = false) TerritoryLevel level,
                               @RequestParam(defaultValue = "20") int limit) {
        if (q.isBlank() || q.length() > 50) {
            throw CivicGridException.badRequest("INVALID_QUERY", "q must be 1 to 50 characters.");
        }
        if (limit < 1 || limit > 200) {
            throw CivicGridException.badRequest("INVALID_LIMIT", "limit must be between 1 and 200.");
        }
        CurrentUser user = identity.requireCurrentUser();
        return geo.search(q.trim(), level, user::sees, limit);
    }

    @GetMapping("/units/{code}/road-segments")
    List<RoadSegmentRef> roadSegments(@PathVariable String code) {
        UnitCode unit = UnitCode.of(code);
        if (unit.level() != TerritoryLevel.STREET) {
            throw CivicGridException.badRequest("NOT_A_STREET", "Road segments are listed per street (9-digit code).");
        }
        CurrentUser user = identity.requireInScope(code);
        geo.requireUnit(unit);
        return geo.roadSegments(unit).stream().map(r -> shownTo(user, r)).toList();
    }

    /**
     * The road segments of a street, or of a district's streets the user sees, as GeoJSON lines for
     * the map's offline basemap: the road's name and segment only (the chiefs are on the street's list).
     */
    @GetMapping(value = "/units/{code}/roads.geojson", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    String roadsGeoJson(@PathVariable String code) {
        UnitCode unit = visible(code);
        if (unit.level() != TerritoryLevel.STREET && unit.level() != TerritoryLevel.DISTRICT) {
            throw CivicGridException.badRequest("NOT_A_DISTRICT_OR_STREET", "Roads are drawn per district (6 digits) or street (9 digits).");
        }
        CurrentUser user = identity.requireCurrentUser();
        List<String> streets = (unit.level() == TerritoryLevel.STREET ? List.of(unit.value())
                : geo.children(unit).stream().map(TerritoryUnit::code).toList()).stream().filter(user::sees).toList();
        return geoJsonCache.get("roads/" + unit.value() + "/" + streets.size(), k -> GeoJson.roads(streets.stream()
                .flatMap(s -> geo.model().roadsOfStreet(s).stream()).toList()));
    }

    private static Location shownTo(CurrentUser user, Location l) {
        return l.roadSegment() == null ? l : new Location(l.lon(), l.lat(), l.grid(), l.microGrid(), l.community(), l.street(),
                l.district(), shownTo(user, l.roadSegment()));
    }

    /**
     * A road segment as the viewer may see it, wherever it is shown (locate, the street's list): its
     * chief's phone in clear only to roles that call people and only inside their territory, the
     * chief's name in clear inside the territory, both masked elsewhere.
     */
    private static RoadSegmentRef shownTo(CurrentUser user, RoadSegmentRef r) {
        String chiefName = user.sees(r.streetCode()) ? r.chiefName() : PersonalData.maskName(r.chiefName());
        return new RoadSegmentRef(r.code(), r.roadName(), r.sequence(), r.streetCode(), r.lengthMeters(), chiefName,
                PersonalData.forViewerIn(user, r.streetCode()).phone(r.chiefPhone()), r.distanceMeters());
    }

    /** A unit the user may look at: inside the scope, or enclosing it. Unknown codes are 404, others' units 403. */
    private UnitCode visible(String code) {
        UnitCode unit = UnitCode.of(code);
        geo.requireUnit(unit);
        CurrentUser user = identity.requireCurrentUser();
        if (!seesOrEncloses(user, unit.value())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Territory " + code + " is outside your scope.");
        }
        return unit;
    }

    private static boolean seesOrEncloses(CurrentUser user, String code) {
        return user.sees(code) || user.scope().isAncestorOfScope(code);
    }
}
