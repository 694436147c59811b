package civicgrid.duty.domain;

import civicgrid.geo.Distances;

/**
 * Whether a tick-off is believable: made where the task is. A tick more than {@code maxMeters} from
 * the task's place, or without a position, is accepted but flagged for the community to look at.
 */
public record TickCheck(double maxMeters) {

    public enum Flag { FAR_FROM_PLACE, NO_POSITION }

    public record Outcome(Double distanceMeters, Flag flag) {
    }

    public Outcome check(double placeLon, double placeLat, Double lon, Double lat) {
        if (lon == null || lat == null) {
            return new Outcome(null, Flag.NO_POSITION);
        }
        double meters = Distances.meters(placeLon, placeLat, lon, lat);
        return new Outcome(meters, meters > maxMeters ? Flag.FAR_FROM_PLACE : null);
    }
}
