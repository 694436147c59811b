package civicgrid.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundledCsvTest {

    @Test
    void readsRowsWithoutTheHeaderQuotedCommasAndEmptyLastColumnsIncluded() {
        List<String[]> rows = BundledCsv.rows("csv/good.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("A1", "Quoted, with a comma", "x");
        assertThat(rows.get(1)).containsExactly("B2", "plain", "");
    }

    @Test
    void aRowWithTooFewColumnsNamesItsFileAndLine() {
        assertThatThrownBy(() -> BundledCsv.rows("csv/short-row.csv")).isInstanceOf(IllegalStateException.class)
                .hasMessage("csv/short-row.csv line 5: 2 columns where the header has 3");
    }

    @Test
    void theShippedCatalogAndTerritoryFilesAreWellFormed() {
        assertThat(BundledCsv.rows("catalog/categories.csv")).hasSize(122);
        assertThat(BundledCsv.rows("catalog/departments.csv")).hasSize(29);
        assertThat(BundledCsv.rows("territory/chongqing/streets.csv")).hasSize(1031);
        assertThat(BundledCsv.rows("territory/chongqing/communities.csv")).hasSize(11270);
    }
}
