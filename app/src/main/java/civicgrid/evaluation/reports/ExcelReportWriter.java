package civicgrid.evaluation.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * A report as an Excel workbook (fastexcel): one sheet per section, headers in bold, figures as
 * numbers (rates as fractions formatted as percents) so that they can be summed and charted.
 */
@Component
class ExcelReportWriter {

    byte[] write(ReportContent report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook book = new Workbook(out, "CivicGrid", "1.0");
            Set<String> names = new HashSet<>();
            for (ReportContent.Section s : report.sections()) {
                Worksheet sheet = book.newWorksheet(unique(names, s.sheet()));
                sheet.value(0, 0, report.title());
                sheet.value(1, 0, report.subtitle());
                sheet.value(2, 0, s.title());
                sheet.style(0, 0).bold().set();
                if (s instanceof ReportContent.Table t) {
                    header(sheet, t.headers());
                    for (int r = 0; r < t.rows().size(); r++) {
                        List<Object> row = t.rows().get(r);
                        for (int c = 0; c < row.size(); c++) {
                            cell(sheet, 4 + r, c, row.get(c));
                        }
                    }
                } else if (s instanceof ReportContent.Bars b) {
                    header(sheet, List.of(b.labelHeader(), b.valueHeader()));
                    for (int r = 0; r < b.labels().size(); r++) {
                        sheet.value(4 + r, 0, b.labels().get(r));
                        sheet.value(4 + r, 1, b.values().get(r));
                    }
                }
                sheet.width(0, 28);
            }
            book.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The report's workbook could not be written", e);
        }
    }

    private static void header(Worksheet sheet, List<String> headers) {
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(3, c, headers.get(c));
            sheet.style(3, c).bold().set();
        }
    }

    private static void cell(Worksheet sheet, int r, int c, Object v) {
        if (v instanceof Double d) {
            sheet.value(r, c, d);
            sheet.style(r, c).format("0.0%").set();
        } else if (v instanceof Number n) {
            sheet.value(r, c, n);
        } else {
            sheet.value(r, c, String.valueOf(v));
        }
    }

    /** Excel's sheet names: at most 31 characters, unique. */
    private static String unique(Set<String> used, String name) {
        String base = name.length() > 28 ? name.substring(0, 28) : name;
        String candidate = base;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = base + i;
        }
        return candidate;
    }
}
