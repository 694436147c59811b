package civicgrid.evaluation.reports;

import java.util.List;

/**
 * A report as words and figures, ready for any format: a title, a line under it, and sections,
 * each a table or a bar chart, some starting a new page. Texts are already in the report's language.
 */
record ReportContent(String title, String subtitle, String footer, List<Section> sections) {

    sealed interface Section permits Table, Bars {
        String title();

        boolean newPage();

        /** A short name (Excel's sheet name). */
        String sheet();
    }

    /** Rows of cells: a String or a Number each. */
    record Table(String title, String sheet, boolean newPage, List<String> headers, List<List<Object>> rows, String empty) implements Section {
    }

    /** One bar per label. */
    record Bars(String title, String sheet, boolean newPage, String labelHeader, String valueHeader, List<String> labels, List<Long> values)
            implements Section {
    }
}
