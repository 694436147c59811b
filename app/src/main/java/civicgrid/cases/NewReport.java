package civicgrid.cases;

/** A problem reported through any channel. */
public record NewReport(String categoryCode, String description, double lon, double lat, boolean urgent, Channel channel) {
}
