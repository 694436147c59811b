package civicgrid.duty;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.duty.domain.FrontageReach;
import civicgrid.geo.Distances;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose frontage a problem lies in front of: the nearest frontage shop within reach, one shop only. */
class FrontageReachTest {

    static final double LON = 106.48;
    static final double LAT = 29.48;

    @Test
    void theNearestShopWithinReachGetsTheProblemAndNobodyBeyondIt() {
        double tenMeters = Distances.degreesLon(10, LAT);
        FrontageReach reach = new FrontageReach(30);
        List<FrontageReach.Shop> shops = List.of(new FrontageReach.Shop(1, LON + 2 * tenMeters, LAT),
                new FrontageReach.Shop(2, LON - tenMeters, LAT), new FrontageReach.Shop(3, LON + 5 * tenMeters, LAT));
        FrontageReach.Match match = reach.shopFor(LON, LAT, shops).orElseThrow();
        assertThat(match.shopId()).isEqualTo(2);
        assertThat(match.meters()).isBetween(9.0, 11.0);
        assertThat(reach.shopFor(LON, LAT, List.of(shops.get(2)))).as("50 m is beyond a 30 m reach").isEmpty();
        assertThat(reach.shopFor(LON, LAT, List.of())).isEmpty();
    }

    @Test
    void theSearchBoxHoldsEveryShopWithinReach() {
        FrontageReach reach = new FrontageReach(30);
        double east = LON + reach.boxDegreesLon(LAT);
        double north = LAT + reach.boxDegreesLat();
        assertThat(Distances.meters(LON, LAT, east, LAT)).isGreaterThan(30);
        assertThat(Distances.meters(LON, LAT, LON, north)).isGreaterThan(30);
    }
}
