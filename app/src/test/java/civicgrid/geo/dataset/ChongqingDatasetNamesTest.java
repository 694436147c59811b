package civicgrid.geo.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.domain.TerritorySpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

/** Community names as the loader makes them from the committees' official names. */
class ChongqingDatasetNamesTest {

    @Test
    void villageCommitteesKeepOneCun() {
        assertThat(new TerritorySpec.Community("500000000001", "胜天村村民委员会").shortName()).isEqualTo("胜天村");
        assertThat(new TerritorySpec.Community("500000000002", "大寨村民委员会").shortName()).isEqualTo("大寨村");
        assertThat(new TerritorySpec.Community("500000000003", "先锋社区村民委员会").shortName()).isEqualTo("先锋社区");
        assertThat(new TerritorySpec.Community("500000000004", "平安社区居民委员会").shortName()).isEqualTo("平安社区");
        assertThat(new TerritorySpec.Community("500000000005", "简村村村民委员会").shortName()).isEqualTo("简村村");
    }

    @Test
    void noCommunityOfTheCityIsNamedWithADoubledCun() {
        List<TerritorySpec.Community> communities = ChongqingDataset.load(new GeometryFactory()).districts().stream()
                .flatMap(d -> d.streets().stream()).flatMap(s -> s.communities().stream()).toList();
        assertThat(communities).hasSize(11_270);
        // a doubled 村 only where the village itself is called so (简村村村民委员会 is 简村村)
        assertThat(communities).filteredOn(c -> c.shortName().endsWith("村村") || c.shortName().endsWith("社区村"))
                .allSatisfy(c -> assertThat(c.name()).endsWith("村村村民委员会")).hasSizeLessThan(10);
        assertThat(communities).filteredOn(c -> c.name().endsWith("村村民委员会")).hasSizeGreaterThan(7_000)
                .allSatisfy(c -> assertThat(c.shortName()).isEqualTo(c.name().replace("村民委员会", "")));
    }
}
