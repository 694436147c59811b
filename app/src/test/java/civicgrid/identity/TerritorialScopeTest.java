package civicgrid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerritorialScopeTest {

    @Test
    void includesItselfAndEverythingBelowByCodePrefix() {
        TerritorialScope street = TerritorialScope.of("500104001");
        assertThat(street.includes("500104001")).isTrue();
        assertThat(street.includes("500104001001")).isTrue();
        assertThat(street.includes("50010400100100101")).isTrue();
        assertThat(street.includes("500104002")).isFalse();
        assertThat(street.includes("500104")).isFalse();
        assertThat(street.includes("500106004001")).isFalse();
        assertThat(street.includes(null)).isFalse();
        assertThat(street.cityWide()).isFalse();
    }

    @Test
    void theCityIncludesEveryDistrictEvenWithoutAPrefix() {
        TerritorialScope city = TerritorialScope.of("500000");
        assertThat(city.cityWide()).isTrue();
        assertThat(city.includes("500104")).isTrue();
        assertThat(city.includes("500240001001")).isTrue();
    }

    @Test
    void ancestorsOfTheScopeAreKnownForBreadcrumbs() {
        TerritorialScope grid = TerritorialScope.of("500104001001001");
        assertThat(grid.isAncestorOfScope("500104001001")).isTrue();
        assertThat(grid.isAncestorOfScope("500104")).isTrue();
        assertThat(grid.isAncestorOfScope("500000")).isTrue();
        assertThat(grid.isAncestorOfScope("500104001001001")).isFalse();
        assertThat(grid.isAncestorOfScope("500106")).isFalse();
        assertThat(TerritorialScope.none().includes("500104")).isFalse();
    }

    @Test
    void severalUnitsAddUp() {
        TerritorialScope two = TerritorialScope.of("500104001", "500106004");
        assertThat(two.includes("500106004002")).isTrue();
        assertThat(two.includes("500104001008")).isTrue();
        assertThat(two.includes("500105003")).isFalse();
    }
}
