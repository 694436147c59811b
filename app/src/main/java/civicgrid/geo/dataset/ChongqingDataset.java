package civicgrid.geo.dataset;

import civicgrid.geo.domain.TerritorySpec;
import civicgrid.platform.BundledCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the real Chongqing divisions shipped in {@code territory/chongqing} (see its README for
 * sources and licences): district outlines from GeoJSON, streets and communities from CSV.
 */
public final class ChongqingDataset {

    public static final String VERSION = "chongqing-2026.1";
    private static final String BASE = "territory/chongqing/";

    private ChongqingDataset() {
    }

    public static TerritorySpec load(GeometryFactory factory) {
        Map<String, List<TerritorySpec.Community>> communitiesByStreet = new LinkedHashMap<>();
        for (String[] row : BundledCsv.rows(BASE + "communities.csv")) {
            communitiesByStreet.computeIfAbsent(row[2], k -> new ArrayList<>()).add(new TerritorySpec.Community(row[0], row[1]));
        }
        Map<String, List<TerritorySpec.Street>> streetsByDistrict = new LinkedHashMap<>();
        for (String[] row : BundledCsv.rows(BASE + "streets.csv")) {
            streetsByDistrict.computeIfAbsent(row[2], k -> new ArrayList<>())
                    .add(new TerritorySpec.Street(row[0], row[1], communitiesByStreet.getOrDefault(row[0], List.of())));
        }
        List<TerritorySpec.District> districts = new ArrayList<>();
        JsonNode root = readJson("districts.geojson");
        for (JsonNode feature : root.get("features")) {
            String code = feature.get("properties").get("code").asString();
            String name = feature.get("properties").get("name").asString();
            districts.add(new TerritorySpec.District(code, name, geometry(feature.get("geometry"), factory),
                    streetsByDistrict.getOrDefault(code, List.of())));
        }
        return new TerritorySpec(districts);
    }

    private static Geometry geometry(JsonNode node, GeometryFactory factory) {
        String type = node.get("type").asString();
        JsonNode coordinates = node.get("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates, factory);
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                coordinates.forEach(p -> polygons.add(polygon(p, factory)));
                yield factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw new IllegalArgumentException("unsupported geometry " + type);
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        LinearRing shell = ring(rings.get(0), factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, GeometryFactory factory) {
        List<Coordinate> coordinates = new ArrayList<>(positions.size() + 1);
        positions.forEach(p -> coordinates.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
        if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            coordinates.add(new Coordinate(coordinates.get(0)));
        }
        return factory.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }

    private static JsonNode readJson(String file) {
        try (InputStream in = open(file)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = ChongqingDataset.class.getClassLoader().getResourceAsStream(BASE + file);
        if (in == null) {
            throw new IllegalStateException("missing dataset file " + BASE + file);
        }
        return in;
    }
}
