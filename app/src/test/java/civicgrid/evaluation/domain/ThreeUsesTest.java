package civicgrid.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One assessment, three uses on hand-computed figures; a refused scoring draft names what is wrong. */
class ThreeUsesTest {

    private static final ScoringScheme SCHEME = new ScoringScheme(1, LocalDate.of(2000, 1, 1), Map.of(
            SubjectKind.COLLECTOR, Map.of(Rate.REGISTRATION, 20.0, Rate.ON_TIME_VERIFICATION, 50.0, Rate.ON_TIME_CHECK, 30.0),
            SubjectKind.DISPATCHER, Map.of(Rate.ON_TIME_REGISTRATION, 30.0, Rate.ON_TIME_DISPATCH, 30.0, Rate.ACCURATE_DISPATCH, 40.0),
            SubjectKind.HANDLER, Map.of(Rate.DISPOSAL, 30.0, Rate.ON_TIME_DISPOSAL, 40.0, Rate.OVERDUE, 15.0, Rate.REWORK, 15.0)),
            List.of(new ScoringScheme.Band("A", 90), new ScoringScheme.Band("B", 80), new ScoringScheme.Band("C", 70),
                    new ScoringScheme.Band("D", 60)));

    @Test
    void aPersonInTwoRolesGetsOneScoreWeighingEveryRateOfEveryRole() {
        Map<SubjectKind, Map<Rate, Double>> rates = new EnumMap<>(SubjectKind.class);
        rates.put(SubjectKind.COLLECTOR, Map.of(Rate.REGISTRATION, 0.75, Rate.ON_TIME_VERIFICATION, 0.75, Rate.ON_TIME_CHECK, 1.0));
        rates.put(SubjectKind.DISPATCHER, Map.of(Rate.ON_TIME_REGISTRATION, 1.0));
        // (20 x 0.75 + 50 x 0.75 + 30 x 1 + 30 x 1) / (20 + 50 + 30 + 30) = 112.5 / 130 = 86.54 → 86.5, B
        Double score = ThreeUses.personScore(SCHEME, rates);
        assertThat(score).isEqualTo(86.5);
        assertThat(SCHEME.grade(score)).isEqualTo("B");
        // a handler's rate where less is better counts by its complement: (30 x 1 + 15 x (1 - 0.5)) / 45 = 83.3
        assertThat(ThreeUses.personScore(SCHEME, Map.of(SubjectKind.HANDLER, Map.of(Rate.DISPOSAL, 1.0, Rate.OVERDUE, 0.5)))).isEqualTo(83.3);
        assertThat(ThreeUses.personScore(SCHEME, Map.of())).isNull();
    }

    @Test
    void aShopLosesThePenaltyPerProblemDownToZero() {
        assertThat(ThreeUses.shopScore(0, 5)).isEqualTo(100.0);
        assertThat(ThreeUses.shopScore(3, 5)).isEqualTo(85.0);
        assertThat(ThreeUses.shopScore(3, 2.5)).isEqualTo(92.5);
        assertThat(ThreeUses.shopScore(40, 5)).isEqualTo(0.0);
    }

    private static Map<String, Map<String, Double>> everyKind() {
        Map<String, Map<String, Double>> w = new LinkedHashMap<>();
        for (SubjectKind kind : SubjectKind.values()) {
            Map<String, Double> rates = new LinkedHashMap<>();
            kind.rates().forEach(r -> rates.put(r.key(), 1.0));
            w.put(kind.name(), rates);
        }
        return w;
    }

    private static final Map<String, Double> BANDS = Map.of("A", 90.0, "B", 80.0, "C", 70.0, "D", 60.0);
    private static final LocalDate LATEST = LocalDate.of(2026, 1, 1);

    private static String refused(ScoringDraft draft) {
        return draft.problem(LATEST).map(p -> p.code() + ": " + p.message()).orElse("kept");
    }

    @Test
    void aRefusedDraftNamesTheKindRateOrBand() {
        LocalDate next = LocalDate.of(2026, 2, 1);
        assertThat(refused(new ScoringDraft(next, everyKind(), BANDS, 5.0, "ok"))).isEqualTo("kept");
        assertThat(new ScoringDraft(next, everyKind(), BANDS, 5.0, null).bandsText()).isEqualTo("A:90,B:80,C:70,D:60");

        assertThat(refused(new ScoringDraft(LATEST, everyKind(), BANDS, 5.0, null))).startsWith("SCORING_VALID_FROM");

        Map<String, Map<String, Double>> w = everyKind();
        w.get("DEPARTMENT").put("registrationRate", 10.0);
        assertThat(refused(new ScoringDraft(next, w, BANDS, 5.0, null)))
                .isEqualTo("SCORING_RATE_NOT_OF_KIND: DEPARTMENT: registrationRate is not a rate of this kind.");

        w = everyKind();
        w.get("TRADE").put("speed", 10.0);
        assertThat(refused(new ScoringDraft(next, w, BANDS, 5.0, null))).isEqualTo("SCORING_UNKNOWN_RATE: TRADE: 'speed' is not a rate.");

        w = everyKind();
        w.get("SEGMENT").replaceAll((k, v) -> 0.0);
        assertThat(refused(new ScoringDraft(next, w, BANDS, 5.0, null))).startsWith("SCORING_NO_WEIGHT: SEGMENT");

        w = everyKind();
        w.get("HANDLER").put("overdueRate", -1.0);
        assertThat(refused(new ScoringDraft(next, w, BANDS, 5.0, null))).startsWith("SCORING_BAD_WEIGHT: HANDLER.overdueRate");

        w = everyKind();
        w.remove("COLLECTOR");
        assertThat(refused(new ScoringDraft(next, w, BANDS, 5.0, null))).startsWith("SCORING_KIND_MISSING: weights of COLLECTOR");

        w = everyKind();
        w.put("MAYOR", Map.of("closureRate", 1.0));
        assertThat(refused(new ScoringDraft(next, w, BANDS, 5.0, null))).startsWith("SCORING_UNKNOWN_KIND: 'MAYOR'");

        assertThat(refused(new ScoringDraft(next, everyKind(), Map.of("A", 90.0, "B", 95.0, "C", 70.0, "D", 60.0), 5.0, null)))
                .isEqualTo("SCORING_BANDS: band B must be below band A.");
        assertThat(refused(new ScoringDraft(next, everyKind(), Map.of("A", 90.0), 5.0, null))).startsWith("SCORING_BANDS");
        assertThat(refused(new ScoringDraft(next, everyKind(), BANDS, -1.0, null))).startsWith("SCORING_SHOP_PENALTY");
    }
}
