package civicgrid.geo;

/** A road segment (路段), the second territory: each has a chief (路段长) responsible for it. */
public record RoadSegmentRef(String code, String roadName, int sequence, String streetCode, double lengthMeters,
                             String chiefName, String chiefPhone, Double distanceMeters) {
}
