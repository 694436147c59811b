package civicgrid.evaluation.domain;

import java.util.Map;

/**
 * "One assessment, three uses" (一考三用): the scores that feed awards, pay and funding. A road
 * segment and a trade are scored like any subject ({@link ScoringScheme#score}); a person who works
 * in several roles gets one score, the weighted mean of every rate of every role with that role's
 * weights (so a role with more weighted rates counts more); a frontage-duty shop starts at 100 and
 * loses the scheme's penalty for each problem recorded in front of it in the period, down to 0.
 */
public final class ThreeUses {

    private ThreeUses() {
    }

    /** One score (0–100, one decimal) of a person's rates in their roles; null when no weighted rate has a value. */
    public static Double personScore(ScoringScheme scheme, Map<SubjectKind, Map<Rate, Double>> ratesByRole) {
        double sum = 0;
        double weight = 0;
        for (Map.Entry<SubjectKind, Map<Rate, Double>> role : ratesByRole.entrySet()) {
            Map<Rate, Double> w = scheme.weights().getOrDefault(role.getKey(), Map.of());
            for (Map.Entry<Rate, Double> r : role.getValue().entrySet()) {
                double wi = w.getOrDefault(r.getKey(), 0.0);
                sum += wi * r.getKey().merit(r.getValue());
                weight += wi;
            }
        }
        return weight == 0 ? null : Math.round(sum / weight * 1000) / 10.0;
    }

    /** A shop's score for the problems found in front of it. */
    public static double shopScore(long problems, double penaltyPerProblem) {
        return Math.max(0, Math.round((100 - problems * penaltyPerProblem) * 10) / 10.0);
    }
}
