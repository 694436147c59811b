package civicgrid.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import civicgrid.platform.CivicGridException;
import org.junit.jupiter.api.Test;

class UnitCodeTest {

    @Test
    void levelsAndParentsFollowTheCodeLength() {
        assertThat(UnitCode.of("500000").level()).isEqualTo(TerritoryLevel.CITY);
        assertThat(UnitCode.of("500104").level()).isEqualTo(TerritoryLevel.DISTRICT);
        assertThat(UnitCode.of("500104001").level()).isEqualTo(TerritoryLevel.STREET);
        assertThat(UnitCode.of("500104001001").level()).isEqualTo(TerritoryLevel.COMMUNITY);
        assertThat(UnitCode.of("500104001001001").level()).isEqualTo(TerritoryLevel.GRID);
        assertThat(UnitCode.of("50010400100100101").level()).isEqualTo(TerritoryLevel.MICRO_GRID);
        assertThat(UnitCode.of("50010400100100101").parent()).isEqualTo(UnitCode.of("500104001001001"));
        assertThat(UnitCode.of("500104").parent()).isEqualTo(UnitCode.city());
        assertThat(UnitCode.city().parent()).isNull();
        assertThat(UnitCode.of("500104001").isWithin(UnitCode.of("500104"))).isTrue();
        assertThat(UnitCode.of("500104001").isWithin(UnitCode.city())).isTrue();
        assertThat(UnitCode.of("500106001").isWithin(UnitCode.of("500104"))).isFalse();
    }

    @Test
    void malformedCodesAreRefusedWithAMachineCode() {
        for (String bad : new String[] {null, "", "5001", "50010400", "50010a", "5001040010010010012", " 500104"}) {
            assertThatThrownBy(() -> UnitCode.of(bad)).isInstanceOf(CivicGridException.class)
                    .satisfies(e -> assertThat(((CivicGridException) e).code()).isEqualTo("INVALID_UNIT_CODE"));
        }
    }
}
