package civicgrid.evaluation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new version of the scoring scheme as proposed (weights per kind of subject and rate, grade
 * bands, the points a shop loses per frontage problem), checked before it is kept. A refused draft
 * names what is wrong: the kind, the rate or the band.
 */
public record ScoringDraft(LocalDate validFrom, Map<String, Map<String, Double>> weights, Map<String, Double> bands, Double shopPenalty,
                           String note) {

    /** Why a draft is refused: a machine code and a sentence naming the offending part. */
    public record Problem(String code, String message) {
    }

    static final List<String> GRADES = List.of("A", "B", "C", "D");

    /** The first problem of the draft, checked against the latest version's first day; empty when it can be kept. */
    public Optional<Problem> problem(LocalDate latestValidFrom) {
        if (validFrom == null || !validFrom.isAfter(latestValidFrom)) {
            return Optional.of(new Problem("SCORING_VALID_FROM", "validFrom must be after " + latestValidFrom
                    + " (the latest version's first day): periods already scored keep their version."));
        }
        if (weights == null || weights.isEmpty()) {
            return Optional.of(new Problem("SCORING_WEIGHTS_MISSING", "weights are required for every kind of subject."));
        }
        for (SubjectKind kind : SubjectKind.values()) {
            if (!weights.containsKey(kind.name())) {
                return Optional.of(new Problem("SCORING_KIND_MISSING", "weights of " + kind.name() + " are missing."));
            }
        }
        for (Map.Entry<String, Map<String, Double>> k : weights.entrySet()) {
            SubjectKind kind;
            try {
                kind = SubjectKind.valueOf(k.getKey());
            } catch (IllegalArgumentException unknown) {
                return Optional.of(new Problem("SCORING_UNKNOWN_KIND", "'" + k.getKey() + "' is not a kind of subject."));
            }
            double sum = 0;
            for (Map.Entry<String, Double> w : k.getValue().entrySet()) {
                Rate rate;
                try {
                    rate = Rate.ofKey(w.getKey());
                } catch (IllegalArgumentException unknown) {
                    return Optional.of(new Problem("SCORING_UNKNOWN_RATE", kind + ": '" + w.getKey() + "' is not a rate."));
                }
                if (!kind.rates().contains(rate)) {
                    return Optional.of(new Problem("SCORING_RATE_NOT_OF_KIND", kind + ": " + rate.key() + " is not a rate of this kind."));
                }
                if (w.getValue() == null || !Double.isFinite(w.getValue()) || w.getValue() < 0 || w.getValue() > 1000) {
                    return Optional.of(new Problem("SCORING_BAD_WEIGHT", kind + "." + rate.key() + ": a weight is a number from 0 to 1000."));
                }
                sum += w.getValue();
            }
            if (sum <= 0) {
                return Optional.of(new Problem("SCORING_NO_WEIGHT", kind + ": at least one rate needs a weight above 0."));
            }
        }
        if (bands == null || !bands.keySet().equals(new java.util.HashSet<>(GRADES))) {
            return Optional.of(new Problem("SCORING_BANDS", "bands give the lowest score of A, B, C and D (E is below D)."));
        }
        for (int i = 0; i < GRADES.size(); i++) {
            Double min = bands.get(GRADES.get(i));
            if (min == null || !(min >= 0 && min <= 100)) {
                return Optional.of(new Problem("SCORING_BANDS", "band " + GRADES.get(i) + " must be a score from 0 to 100."));
            }
            if (i > 0 && !(min < bands.get(GRADES.get(i - 1)))) {
                return Optional.of(new Problem("SCORING_BANDS", "band " + GRADES.get(i) + " must be below band " + GRADES.get(i - 1) + "."));
            }
        }
        if (shopPenalty == null || !(shopPenalty >= 0 && shopPenalty <= 100)) {
            return Optional.of(new Problem("SCORING_SHOP_PENALTY", "shopPenalty (points a shop loses per problem) is from 0 to 100."));
        }
        if (note != null && note.length() > 200) {
            return Optional.of(new Problem("SCORING_NOTE_TOO_LONG", "a note has at most 200 characters."));
        }
        return Optional.empty();
    }

    /** The weights as typed values (only after {@link #problem} found none). */
    public Map<SubjectKind, Map<Rate, Double>> typedWeights() {
        Map<SubjectKind, Map<Rate, Double>> out = new EnumMap<>(SubjectKind.class);
        weights.forEach((k, rates) -> {
            Map<Rate, Double> m = new EnumMap<>(Rate.class);
            rates.forEach((r, w) -> m.put(Rate.ofKey(r), w));
            out.put(SubjectKind.valueOf(k), m);
        });
        return out;
    }

    /** The bands as the scheme keeps them ({@code A:90,B:80,C:70,D:60}). */
    public String bandsText() {
        List<String> parts = new ArrayList<>();
        for (String g : GRADES) {
            double v = bands.get(g);
            parts.add(g + ":" + (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)));
        }
        return String.join(",", parts);
    }
}
