package civicgrid.cases;

import civicgrid.geo.Location;

/**
 * A problem reported through any channel.
 *
 * @param where the point already located by the channel (null: the loop locates it); a channel
 *        that had to locate the point to check it passes the answer on instead of asking twice
 */
public record NewReport(String categoryCode, String description, double lon, double lat, boolean urgent, Channel channel,
                        Location where) {

    public NewReport(String categoryCode, String description, double lon, double lat, boolean urgent, Channel channel) {
        this(categoryCode, description, lon, lat, urgent, channel, null);
    }

    /** The same report with its point located. */
    public NewReport locatedAt(Location location) {
        return new NewReport(categoryCode, description, lon, lat, urgent, channel, location);
    }
}
