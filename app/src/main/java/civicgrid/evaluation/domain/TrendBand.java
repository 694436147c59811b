package civicgrid.evaluation.domain;

import java.util.Optional;

/**
 * Trend alarm rule: a category rising in a grid beyond its usual band. The count of the last 7
 * days is compared with the counts of the {@code weeks} 7-day windows before it; it raises an alarm
 * when it reaches {@code minCount} and exceeds mean + {@code k} × standard deviation (population)
 * of those windows. The minimum keeps a grid that usually sees nothing from alarming on one or two
 * reports; the deviation keeps a category that is always noisy from alarming on its ordinary ups.
 */
public record TrendBand(int weeks, double k, int minCount) {

    public static final TrendBand DEFAULT = new TrendBand(8, 2.0, 4);

    public TrendBand {
        if (weeks < 2 || k < 0 || minCount < 1) {
            throw new IllegalArgumentException("weeks >= 2, k >= 0, minCount >= 1");
        }
    }

    /** What was judged: the week's count, the band's mean and deviation, and its upper edge. */
    public record Judgement(int count, double mean, double sd, double upper) {
    }

    /** An alarm when {@code current} is beyond the band of {@code previous} (oldest first or newest first: order is irrelevant). */
    public Optional<Judgement> judge(int current, int[] previous) {
        if (previous.length != weeks) {
            throw new IllegalArgumentException("expected " + weeks + " previous weeks, got " + previous.length);
        }
        double mean = 0;
        for (int n : previous) {
            mean += n;
        }
        mean /= weeks;
        double variance = 0;
        for (int n : previous) {
            variance += (n - mean) * (n - mean);
        }
        double sd = Math.sqrt(variance / weeks);
        double upper = mean + k * sd;
        return current >= minCount && current > upper ? Optional.of(new Judgement(current, mean, sd, upper)) : Optional.empty();
    }
}
