package civicgrid.evaluation;

import java.util.Map;

/**
 * One subject's rates (0..1, only those with a denominator), score (0..100) and grade A–E in a period.
 *
 * @param counts the counts the rates are made of (by {@code Measure} name), for drill-down
 */
public record Scorecard(Subject subject, Map<String, Double> rates, Double score, String grade, Map<String, Long> counts) {

    /**
     * Who is scored: {@code kind} is district, street, community, grid, department or person;
     * {@code code} the unit code, department instance or username; {@code role} for a person
     * (COLLECTOR, DISPATCHER, HANDLER).
     */
    public record Subject(String kind, String code, String name, String nameEn, String role) {
    }

    /** A period's scorecards and the scoring version used. */
    public record Sheet(String unit, String period, java.time.LocalDate from, java.time.LocalDate to, String by, int scoringVersion,
                        java.util.List<Scorecard> items) {
    }
}
