package civicgrid.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DepartmentInstanceTest {

    @Test
    void theUnitSaysTheLevel() {
        assertThat(DepartmentInstance.parse("500104:SANITATION").level()).isEqualTo("DISTRICT");
        assertThat(DepartmentInstance.parse("500104001:STREET_SERVICE").level()).isEqualTo("STREET");
        assertThat(DepartmentInstance.parse("500104001001:COMMUNITY").level()).isEqualTo("COMMUNITY");
        assertThat(DepartmentInstance.parse("CITY:WATER_SUPPLY").level()).isEqualTo("CITY");
    }

    @Test
    void itReadsAndWritesTheSameText() {
        DepartmentInstance sanitation = DepartmentInstance.parse("500104:SANITATION");
        assertThat(sanitation.unit()).isEqualTo("500104");
        assertThat(sanitation.departmentCode()).isEqualTo("SANITATION");
        assertThat(sanitation).hasToString("500104:SANITATION");
        assertThat(sanitation.assignment()).isEqualTo(new Assignment("500104:SANITATION", "SANITATION", "DISTRICT"));
        assertThat(CaseFixtures.SANITATION.instance()).isEqualTo(sanitation);
        assertThat(CaseFixtures.SANITATION.unit()).isEqualTo("500104");
    }

    @Test
    void malformedTextIsRefused() {
        for (String bad : new String[] {null, "", "SANITATION", ":SANITATION", "500104:", "500104:A:B"}) {
            assertThatThrownBy(() -> DepartmentInstance.parse(bad)).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
