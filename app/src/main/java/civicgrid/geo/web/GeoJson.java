package civicgrid.geo.web;

import civicgrid.geo.domain.TerritoryModel;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON of sibling units simplified for a map zoom level. The siblings are simplified together
 * as a coverage, so neighbours keep sharing their borders (no slivers between them on the map).
 */
final class GeoJson {

    private GeoJson() {
    }

    /** Degrees per screen pixel at a Web Mercator zoom level, the natural simplification tolerance. */
    static double toleranceForZoom(int zoom) {
        return 360.0 / (256 * Math.pow(2, zoom));
    }

    static String featureCollection(List<TerritoryModel.Node> units, int zoom) {
        Geometry[] geometries = units.stream().map(TerritoryModel.Node::geometry).toArray(Geometry[]::new);
        Geometry[] simplified = geometries.length == 0 ? geometries
                : CoverageSimplifier.simplify(geometries, toleranceForZoom(zoom));
        StringBuilder out = new StringBuilder(64 * 1024).append("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < units.size(); i++) {
            TerritoryModel.Node unit = units.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"type\":\"Feature\",\"id\":\"").append(unit.code()).append("\",\"properties\":{\"code\":\"")
                    .append(unit.code()).append("\",\"name\":\"").append(escape(unit.name())).append("\",\"level\":\"")
                    .append(unit.level()).append("\",\"childCount\":").append(unit.children().size())
                    .append(",\"centroid\":[").append(fmt(unit.centroidLon())).append(',').append(fmt(unit.centroidLat()))
                    .append("]},\"geometry\":");
            geometry(simplified[i] == null ? geometries[i] : simplified[i], out);
            out.append('}');
        }
        return out.append("]}").toString();
    }

    /** Road segments as lines with their road's name and segment number. */
    static String roads(List<TerritoryModel.Road> roads) {
        StringBuilder out = new StringBuilder(64 * 1024).append("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < roads.size(); i++) {
            TerritoryModel.Road road = roads.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"type\":\"Feature\",\"id\":\"").append(road.code()).append("\",\"properties\":{\"code\":\"")
                    .append(road.code()).append("\",\"name\":\"").append(escape(road.roadName())).append("\",\"sequence\":")
                    .append(road.sequence()).append("},\"geometry\":{\"type\":\"LineString\",\"coordinates\":");
            ring(road.line(), out);
            out.append("}}");
        }
        return out.append("]}").toString();
    }

    static void geometry(Geometry g, StringBuilder out) {
        if (g instanceof Polygon p) {
            out.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(p, out);
            out.append('}');
        } else {
            out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                polygon((Polygon) g.getGeometryN(i), out);
            }
            out.append("]}");
        }
    }

    private static void polygon(Polygon p, StringBuilder out) {
        out.append('[');
        ring(p.getExteriorRing(), out);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            out.append(',');
            ring(p.getInteriorRingN(h), out);
        }
        out.append(']');
    }

    private static void ring(LineString ring, StringBuilder out) {
        out.append('[');
        Coordinate[] coordinates = ring.getCoordinates();
        for (int i = 0; i < coordinates.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('[').append(fmt(coordinates[i].x)).append(',').append(fmt(coordinates[i].y)).append(']');
        }
        out.append(']');
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
