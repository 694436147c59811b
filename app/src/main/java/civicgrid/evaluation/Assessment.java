package civicgrid.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One assessment, three uses (一考三用): one subject's score and grade for awards, pay and funding,
 * with what it is made of ({@code basis}: a segment's or trade's rates, a person's score per role, a
 * shop's number of frontage problems).
 */
public record Assessment(Scorecard.Subject subject, Double score, String grade, Map<String, Double> basis) {

    /** The assessments of one kind ({@code of}: segment, trade, person or shop) in a unit and period, and the scoring version used. */
    public record Sheet(String unit, String period, LocalDate from, LocalDate to, String of, int scoringVersion, List<Assessment> items) {
    }
}
