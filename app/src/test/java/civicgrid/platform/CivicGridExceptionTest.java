package civicgrid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CivicGridExceptionTest {

    @Test
    void theValuesForThePagesWordsKeepTheirOrderAndMayBeEmpty() {
        CivicGridException refused = CivicGridException.badRequest("IMPORT_NOT_AN_IMPORTED_INDICATOR", "Row 3: ...")
                .with("row", 3).with("indicator", "A1").with("unit", null);
        assertThat(refused.properties().keySet()).containsExactly("row", "indicator", "unit");
        assertThat(refused.properties()).containsEntry("row", 3).containsEntry("unit", null);
    }
}
