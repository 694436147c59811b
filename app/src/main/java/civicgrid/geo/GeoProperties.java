package civicgrid.geo;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param roadReachMeters how far from a point a road segment still counts as "on that road"
 * @param microGridStreets streets whose grids are split into micro-grids at import
 */
@ConfigurationProperties("civicgrid.geo")
public record GeoProperties(Double roadReachMeters, Set<String> microGridStreets) {

    public GeoProperties {
        if (roadReachMeters == null) {
            roadReachMeters = 50.0;
        }
        if (microGridStreets == null) {
            microGridStreets = Set.of("500104001", "500106004");
        }
    }
}
