package civicgrid.evaluation.assessment;

import civicgrid.evaluation.Assessment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An assessment sheet as CSV for awards, pay and funding (UTF-8 with a byte order mark so that Excel
 * reads the Chinese names): one row per subject, a column per part of the basis. Text that a
 * spreadsheet would take for a formula is quoted with a leading apostrophe.
 */
public final class AssessmentCsv {

    private AssessmentCsv() {
    }

    public static byte[] of(Assessment.Sheet sheet) {
        Set<String> parts = new LinkedHashSet<>();
        sheet.items().forEach(a -> parts.addAll(a.basis().keySet()));
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of("period", "unit", "of", "code", "name", "name_en", "score", "grade", "scoring_version"));
        header.addAll(parts);
        line(out, header);
        for (Assessment a : sheet.items()) {
            List<String> row = new ArrayList<>(List.of(sheet.period(), sheet.unit(), sheet.of(), a.subject().code(), text(a.subject().name()),
                    text(a.subject().nameEn()), number(a.score()), a.grade() == null ? "" : a.grade(), String.valueOf(sheet.scoringVersion())));
            for (String p : parts) {
                row.add(number(a.basis().get(p)));
            }
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String number(Double v) {
        return v == null ? "" : (v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : String.valueOf(v));
    }

    private static String text(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            out.append(i == 0 ? "" : ",");
            out.append(c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        out.append("\r\n");
    }
}
