package civicgrid.evaluation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How rates become a score (0..100) and a grade, as versioned data: per kind of subject a weight
 * per rate, and the lowest score of each grade A–D (E below). A score is the weighted mean of the
 * subject's rates that have a denominator (the complement of a rate where less is better).
 */
public record ScoringScheme(int version, LocalDate validFrom, Map<SubjectKind, Map<Rate, Double>> weights, List<Band> bands) {

    /** A grade and the lowest score that earns it. */
    public record Band(String grade, double minScore) {
    }

    public ScoringScheme {
        bands = bands.stream().sorted((a, b) -> Double.compare(b.minScore(), a.minScore())).toList();
    }

    /** The score of these rates for a subject of this kind, to one decimal; null when no weighted rate has a value. */
    public Double score(SubjectKind kind, Map<Rate, Double> rates) {
        Map<Rate, Double> w = weights.getOrDefault(kind, Map.of());
        double sum = 0;
        double weight = 0;
        for (Map.Entry<Rate, Double> e : rates.entrySet()) {
            double wi = w.getOrDefault(e.getKey(), 0.0);
            if (wi > 0) {
                sum += wi * e.getKey().merit(e.getValue());
                weight += wi;
            }
        }
        return weight == 0 ? null : Math.round(sum / weight * 1000) / 10.0;
    }

    /** The grade of a score: the first band it reaches, E below them all. */
    public String grade(Double score) {
        if (score == null) {
            return null;
        }
        for (Band band : bands) {
            if (score >= band.minScore()) {
                return band.grade();
            }
        }
        return "E";
    }
}
