package civicgrid.evaluation.domain;

import java.time.LocalDate;

/**
 * One count a case adds to one subject's figures of one day. {@code territory} is where it is
 * counted for scoping: the unit's own code for a territorial subject, the case's grid otherwise.
 */
public record Contribution(SubjectKind kind, String territory, String subject, LocalDate day, Measure measure) {

    /** One line of text ({@code GRID|500104001022001|500104001022001|2026-12-06|DUE}) as the case's record keeps it. */
    public String line() {
        return kind + "|" + territory + "|" + subject + "|" + day + "|" + measure;
    }

    public static Contribution parse(String line) {
        String[] p = line.split("\\|", -1);
        return new Contribution(SubjectKind.valueOf(p[0]), p[1], p[2], LocalDate.parse(p[3]), Measure.valueOf(p[4]));
    }
}
