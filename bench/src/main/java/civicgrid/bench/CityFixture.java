package civicgrid.bench;

import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.dataset.ChongqingDataset;
import civicgrid.geo.Distances;
import civicgrid.geo.domain.GeneratedTerritory;
import civicgrid.geo.domain.TerritoryGenerator;
import civicgrid.geo.domain.TerritoryModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** The whole generated Chongqing territory and reproducible query points, shared by the benchmarks. */
final class CityFixture {

    final GeometryFactory factory = new GeometryFactory();
    final GeneratedTerritory territory;
    final TerritoryModel model;

    CityFixture() {
        territory = new TerritoryGenerator(factory, Set.of("500104001", "500106004")).generate(ChongqingDataset.load(factory));
        model = toModel(territory, factory);
    }

    static TerritoryModel toModel(GeneratedTerritory territory, GeometryFactory factory) {
        List<TerritoryModel.Node> nodes = new ArrayList<>();
        for (GeneratedTerritory.Unit u : territory.units()) {
            var c = u.geometry().getInteriorPoint();
            nodes.add(new TerritoryModel.Node(u.code(), u.name(), u.level(), u.parentCode(), u.geometry(), c.getX(), c.getY(),
                    Distances.areaKm2(u.geometry()), new ArrayList<>()));
        }
        List<TerritoryModel.Road> roads = territory.roadSegments().stream().map(r -> new TerritoryModel.Road(r.code(),
                r.roadName(), r.sequence(), r.streetCode(), r.line(), Distances.lengthMeters(r.line()), r.chiefName(),
                r.chiefPhone())).toList();
        return TerritoryModel.build(nodes, roads, factory);
    }

    List<GeneratedTerritory.Unit> grids() {
        return territory.units().stream().filter(u -> u.level() == TerritoryLevel.GRID).toList();
    }

    /**
     * Query points as x,y pairs. "uniform": uniform over the city's bounding box (about 40% fall
     * inside); "reports": where reports come from, a random grid then a random point in its box,
     * so dense urban grids get their share.
     */
    double[] points(String kind, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] xy = new double[count * 2];
        Envelope city = model.city().geometry().getEnvelopeInternal();
        for (int i = 0; i < count; i++) {
            Envelope box = kind.equals("uniform") ? city
                    : model.gridAt(random.nextInt(model.gridCount())).geometry().getEnvelopeInternal();
            xy[i * 2] = box.getMinX() + random.nextDouble() * box.getWidth();
            xy[i * 2 + 1] = box.getMinY() + random.nextDouble() * box.getHeight();
        }
        return xy;
    }
}
