package civicgrid.bench;

import civicgrid.geo.domain.TerritoryModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap held by the whole territory in memory (every unit's polygon, the tree, the locate index and
 * the road segments), as the running application keeps it: used heap after full GCs, with and
 * without the model reachable.
 */
public final class TerritoryFootprint {

    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settle(memory);
        CityFixture city = new CityFixture();
        TerritoryModel model = city.model;
        city = null;
        long after = settle(memory);
        System.out.printf("territory units: %d, grids: %d, road segments: %d%n", model.size(), model.gridCount(), model.roadCount());
        System.out.printf("locate index alone: %.1f MB%n", model.gridLocator().footprintBytes() / 1e6);
        System.out.printf("heap held by the whole territory model: %.1f MB%n", (after - before) / 1e6);
        if (model.size() == 0) {
            System.out.println("unreachable");
        }
    }

    private static long settle(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
