package civicgrid.cases.domain;

/** Where a case is: the point and the units containing it (and the road segment, if on one). */
public record CaseLocation(double lon, double lat, String gridCode, String communityCode, String streetCode,
                           String districtCode, String roadSegmentCode) {
}
