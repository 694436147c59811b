package civicgrid.duty.domain;

import civicgrid.geo.Distances;
import java.util.List;
import java.util.Optional;

/**
 * Whose frontage a problem lies in front of (门前三包): the nearest shop with frontage duty within
 * {@code maxMeters} of the problem's point, or nobody. One shop only, so that a problem between two
 * shops does not count against both.
 */
public record FrontageReach(double maxMeters) {

    public record Shop(long id, double lon, double lat) {
    }

    public record Match(long shopId, double meters) {
    }

    public Optional<Match> shopFor(double lon, double lat, List<Shop> candidates) {
        Match best = null;
        for (Shop s : candidates) {
            double meters = Distances.meters(s.lon(), s.lat(), lon, lat);
            if (meters <= maxMeters && (best == null || meters < best.meters())) {
                best = new Match(s.id(), meters);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Half the side of a box around a point that holds every shop within reach, in degrees of latitude. */
    public double boxDegreesLat() {
        return maxMeters / 111_000.0 * 1.05;
    }

    public double boxDegreesLon(double lat) {
        return Distances.degreesLon(maxMeters, lat) * 1.05;
    }
}
