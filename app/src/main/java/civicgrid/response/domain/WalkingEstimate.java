package civicgrid.response.domain;

import civicgrid.geo.Distances;

/**
 * Walking time from a straight line: streets do not run straight, so the straight-line distance is
 * stretched by a detour factor of 1.3 and walked at 4.5 km/h (75 m a minute). Old towns on slopes
 * walk slower; the factor is a documented estimate, not a route.
 */
public final class WalkingEstimate {

    public static final double DETOUR_FACTOR = 1.3;
    public static final double METERS_PER_MINUTE = 4500.0 / 60;
    /** The rings: self-rescue in 1 minute, mutual aid in 3, reinforcement in 5. */
    public static final int[] RINGS = {1, 3, 5};

    private WalkingEstimate() {
    }

    public static double minutes(double lon1, double lat1, double lon2, double lat2) {
        return Distances.meters(lon1, lat1, lon2, lat2) * DETOUR_FACTOR / METERS_PER_MINUTE;
    }

    /** The straight-line radius that the last ring's walk covers. */
    public static double straightMetersWithin(double minutes) {
        return minutes * METERS_PER_MINUTE / DETOUR_FACTOR;
    }

    /** The smallest ring a walk of this many minutes fits in, or 0 beyond the last. */
    public static int ring(double minutes) {
        for (int ring : RINGS) {
            if (minutes <= ring) {
                return ring;
            }
        }
        return 0;
    }
}
