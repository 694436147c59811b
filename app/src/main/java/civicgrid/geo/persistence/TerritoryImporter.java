package civicgrid.geo.persistence;

import civicgrid.audit.AuditApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.dataset.ChongqingDataset;
import civicgrid.geo.domain.GeneratedTerritory;
import civicgrid.geo.domain.TerritoryGenerator;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Generates and stores the territory on the first start; later starts find it stored. */
@Component
public class TerritoryImporter {

    private static final Logger log = LoggerFactory.getLogger(TerritoryImporter.class);
    private final TerritoryStore store;
    private final AuditApi audit;

    TerritoryImporter(TerritoryStore store, AuditApi audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    public void importIfMissing(GeometryFactory factory, Set<String> microGridStreets) {
        if (store.importedAt(ChongqingDataset.VERSION).isPresent()) {
            return;
        }
        log.info("First start: generating the Chongqing territory (districts, streets, communities, grids, road segments)");
        long started = System.nanoTime();
        GeneratedTerritory territory = new TerritoryGenerator(factory, microGridStreets).generate(ChongqingDataset.load(factory));
        long millis = (System.nanoTime() - started) / 1_000_000;
        store.save(ChongqingDataset.VERSION, territory, millis);
        audit.recordAs("system", "TERRITORY_IMPORTED", "DATASET", ChongqingDataset.VERSION, "first start",
                Map.of("districts", territory.count(TerritoryLevel.DISTRICT), "streets", territory.count(TerritoryLevel.STREET),
                        "communities", territory.count(TerritoryLevel.COMMUNITY), "grids", territory.count(TerritoryLevel.GRID),
                        "microGrids", territory.count(TerritoryLevel.MICRO_GRID), "roadSegments", territory.roadSegments().size()));
        log.info("Territory generated in {} ms and stored in {} ms: {} districts, {} streets, {} communities, {} grids, {} micro-grids, {} road segments",
                millis, (System.nanoTime() - started) / 1_000_000 - millis, territory.count(TerritoryLevel.DISTRICT),
                territory.count(TerritoryLevel.STREET), territory.count(TerritoryLevel.COMMUNITY), territory.count(TerritoryLevel.GRID),
                territory.count(TerritoryLevel.MICRO_GRID), territory.roadSegments().size());
    }
}
