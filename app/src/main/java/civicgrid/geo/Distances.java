package civicgrid.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/** Metric lengths and areas on lon/lat data: a local equirectangular projection, ample at city scale. */
public final class Distances {

    private static final double METERS_PER_DEGREE = 111_320;

    private Distances() {
    }

    public static double meters(double lon1, double lat1, double lon2, double lat2) {
        double k = Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.hypot((lon2 - lon1) * k, lat2 - lat1) * METERS_PER_DEGREE;
    }

    public static double lengthMeters(LineString line) {
        double total = 0;
        Coordinate[] c = line.getCoordinates();
        for (int i = 1; i < c.length; i++) {
            total += meters(c[i - 1].x, c[i - 1].y, c[i].x, c[i].y);
        }
        return total;
    }

    public static double areaKm2(Geometry g) {
        double k = Math.cos(Math.toRadians(g.getEnvelopeInternal().centre().y));
        return g.getArea() * k * (METERS_PER_DEGREE / 1000) * (METERS_PER_DEGREE / 1000);
    }

    /** Degrees of longitude spanning {@code meters} at latitude {@code lat}. */
    public static double degreesLon(double meters, double lat) {
        return meters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    }
}
