package civicgrid.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.dataset.ChongqingDataset;
import civicgrid.geo.domain.TerritorySpec;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

/** A demo account working in one community is named after that community, as the territory names it. */
class DemoAccountsNamesTest {

    @Test
    void gridWorkerAndCommunityStaffAreNamedAfterTheirOwnCommunity() {
        Map<String, TerritorySpec.Community> communities = ChongqingDataset.load(new GeometryFactory()).districts().stream()
                .flatMap(d -> d.streets().stream()).flatMap(s -> s.communities().stream())
                .collect(Collectors.toMap(TerritorySpec.Community::code, Function.identity()));
        var local = DemoAccounts.ACCOUNTS.stream().filter(a -> a.scope().stream().anyMatch(code -> code.length() >= 12)).toList();
        assertThat(local).extracting(DemoAccounts.Demo::username).contains("gridworker", "community");
        for (DemoAccounts.Demo demo : local) {
            String community = communities.get(demo.scope().iterator().next().substring(0, 12)).shortName();
            assertThat(demo.displayName()).as(demo.username()).startsWith(community);
        }
    }
}
