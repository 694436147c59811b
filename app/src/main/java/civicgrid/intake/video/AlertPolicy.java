package civicgrid.intake.video;

import civicgrid.geo.Distances;
import java.time.Duration;
import java.time.Instant;

/**
 * The rules for alerts, Spring-free. Folding: an alert of the same camera and algorithm within the
 * window and distance of an earlier one whose case is still open adds to that case. Routing: an
 * algorithm on a camera earns automatic registration and dispatch only once operators' verdicts
 * prove it — at least {@code minVerdicts} verdicts in the precision window and a precision of at
 * least {@code minPrecision}; until then, and whenever it falls below, its alerts wait for a
 * person to verify them (the articles' story of accuracy raised from 10% to 90%).
 */
public record AlertPolicy(Duration foldWindow, double foldMeters, double minPrecision, int minVerdicts, double minConfidence) {

    public enum Route { AUTO, REVIEW }

    /** The route and why; {@code precision} is null while there are no verdicts. */
    public record Decision(Route route, Double precision, long verdicts, String why) {
    }

    public AlertPolicy {
        if (minPrecision < 0 || minPrecision > 1 || minConfidence < 0 || minConfidence > 1 || minVerdicts < 0 || foldMeters < 0) {
            throw new IllegalArgumentException("precision and confidence are within 0..1, counts and distances not negative");
        }
    }

    public Decision route(long truePositives, long falsePositives) {
        long verdicts = truePositives + falsePositives;
        Double precision = verdicts == 0 ? null : truePositives / (double) verdicts;
        if (verdicts < minVerdicts) {
            return new Decision(Route.REVIEW, precision, verdicts, "only " + verdicts + " verdicts so far (" + minVerdicts
                    + " needed before automatic dispatch)");
        }
        if (precision < minPrecision) {
            return new Decision(Route.REVIEW, precision, verdicts, String.format("precision %.0f%% below %.0f%%", precision * 100,
                    minPrecision * 100));
        }
        return new Decision(Route.AUTO, precision, verdicts, String.format("precision %.0f%% over %d verdicts", precision * 100, verdicts));
    }

    /** Whether a new alert repeats an earlier one (same camera and algorithm checked by the caller). */
    public boolean folds(Instant earlierAt, double earlierLon, double earlierLat, Instant at, double lon, double lat) {
        return Duration.between(earlierAt, at).abs().compareTo(foldWindow) <= 0
                && Distances.meters(earlierLon, earlierLat, lon, lat) <= foldMeters;
    }

    public boolean confident(double confidence) {
        return confidence >= minConfidence;
    }
}
