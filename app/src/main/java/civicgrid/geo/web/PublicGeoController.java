package civicgrid.geo.web;

import civicgrid.geo.GeoApi;
import civicgrid.geo.Location;
import civicgrid.geo.UnitCode;
import civicgrid.geo.UnitRef;
import civicgrid.geo.domain.TerritoryModel;
import civicgrid.platform.CivicGridException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What residents' pages may read without an account: where a point lies, the outlines of the grids
 * around it and of the districts, streets and communities (public administrative geography; nothing
 * about cases or people).
 */
@RestController
@RequestMapping("/api/v1/public/geo")
class PublicGeoController {

    private static final int CACHE_LIMIT = 2_000;
    private final GeoApi geo;
    /** Rendered GeoJSON; bounded, the least used go first, and none is kept for more than an hour unused. */
    private final Cache<String, String> outlines = Caffeine.newBuilder().maximumSize(CACHE_LIMIT)
            .expireAfterAccess(Duration.ofHours(1)).build();

    PublicGeoController(GeoApi geo) {
        this.geo = geo;
    }

    /** A place without the people in charge of it (road chiefs' names and phones are not public). */
    record Place(double lon, double lat, UnitRef grid, UnitRef community, UnitRef street, UnitRef district, String road) {
    }

    @GetMapping("/locate")
    Place locate(@RequestParam double lon, @RequestParam double lat) {
        Location l = where(lon, lat);
        return new Place(lon, lat, l.grid(), l.community(), l.street(), l.district(), l.roadSegment() == null ? null
                : l.roadSegment().roadName());
    }

    /** The grids of the community containing the point, as GeoJSON. */
    @GetMapping(value = "/around.geojson", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    String around(@RequestParam double lon, @RequestParam double lat) {
        String community = where(lon, lat).community().code();
        return outlines.get(community, c -> GeoJson.featureCollection(geo.model().node(c).orElseThrow().children(), 16));
    }

    /**
     * The outlines and names of a unit's children (the city's districts by default, a district's
     * streets, a street's communities), simplified for the zoom they are seen at.
     */
    @GetMapping(value = "/outlines.geojson", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    String outlines(@RequestParam(required = false) String code) {
        String unit = code == null || code.isBlank() ? UnitCode.CITY_CODE : code.strip();
        if (!unit.matches("[0-9]{6}|[0-9]{9}")) {
            throw CivicGridException.badRequest("INVALID_UNIT", "code must be the city's, a district's (6 digits) or a street's (9 digits).");
        }
        TerritoryModel.Node node = geo.model().node(unit).orElseThrow(() -> CivicGridException.notFound("UNKNOWN_UNIT",
                "No territorial unit " + unit + "."));
        int zoom = switch (node.level()) {
            case CITY -> 9;
            case DISTRICT -> 12;
            default -> 14;
        };
        return outlines.get("children:" + unit, c -> GeoJson.featureCollection(node.children(), zoom));
    }

    private Location where(double lon, double lat) {
        GeoApi.requireValidCoordinates(lon, lat);
        return geo.locate(lon, lat).orElseThrow(() -> CivicGridException.notFound("OUTSIDE_CITY",
                "The point lon=" + lon + ", lat=" + lat + " is outside the city."));
    }
}
