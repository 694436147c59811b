package civicgrid.geo.domain;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/** The source data the territory is generated from: real names and codes, real district outlines. */
public record TerritorySpec(List<District> districts) {

    public record District(String code, String name, Geometry outline, List<Street> streets) {
    }

    public record Street(String code, String name, List<Community> communities) {
    }

    public record Community(String code, String name) {

        /** Villages (村) are rural: fewer, larger grids than urban communities (社区). */
        public boolean rural() {
            return name.endsWith("村民委员会") || name.endsWith("村委会");
        }

        /**
         * The name without the committee suffix, as the map labels it: 平安社区居民委员会 → 平安社区,
         * 胜天村村民委员会 → 胜天村 (not 胜天村村), 大寨村民委员会 → 大寨村, 先锋社区村民委员会 → 先锋社区.
         */
        public String shortName() {
            if (name.endsWith("居民委员会")) {
                return name.substring(0, name.length() - 5);
            }
            if (name.endsWith("村民委员会")) {
                String stem = name.substring(0, name.length() - 5);
                return stem.endsWith("村") || stem.endsWith("社区") ? stem : stem + "村";
            }
            if (name.endsWith("委员会")) {
                return name.substring(0, name.length() - 3);
            }
            return name;
        }
    }
}
