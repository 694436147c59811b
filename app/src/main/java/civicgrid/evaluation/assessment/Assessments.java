package civicgrid.evaluation.assessment;

import civicgrid.duty.DutyApi;
import civicgrid.evaluation.Assessment;
import civicgrid.evaluation.Scorecard;
import civicgrid.evaluation.app.Scorecards;
import civicgrid.evaluation.domain.CaseContributions;
import civicgrid.evaluation.domain.Grouping;
import civicgrid.evaluation.domain.Period;
import civicgrid.evaluation.domain.Rate;
import civicgrid.evaluation.domain.ScoringScheme;
import civicgrid.evaluation.domain.SubjectKind;
import civicgrid.evaluation.domain.ThreeUses;
import civicgrid.evaluation.persistence.ScoringStore;
import civicgrid.geo.UnitCode;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The assessments of road segments, trades, persons and frontage-duty shops, from the scorecards and duty's frontage ledger. */
@Service
public class Assessments {

    /** What can be assessed. */
    public enum Of { SEGMENT, TRADE, PERSON, SHOP }

    private final Scorecards scorecards;
    private final ScoringStore scoring;
    private final ScoringVersions versions;
    private final DutyApi duty;

    Assessments(Scorecards scorecards, ScoringStore scoring, ScoringVersions versions, DutyApi duty) {
        this.scorecards = scorecards;
        this.scoring = scoring;
        this.versions = versions;
        this.duty = duty;
    }

    /** The unit is a code the caller sees. */
    public Assessment.Sheet sheet(UnitCode unit, Period period, Of of) {
        ScoringScheme scheme = scoring.inForceOn(period.first());
        List<Assessment> items = switch (of) {
            case SEGMENT -> units(scorecards.sheet(unit, period, Grouping.SEGMENT));
            case TRADE -> units(scorecards.sheet(unit, period, Grouping.TRADE));
            case PERSON -> persons(scorecards.sheet(unit, period, Grouping.PERSON), scheme);
            case SHOP -> shops(unit, period, versions.shopPenaltyOn(period.first()), scheme);
        };
        List<Assessment> sorted = items.stream().sorted(Comparator.comparing((Assessment a) -> a.score() == null ? Double.MAX_VALUE : -a.score())
                .thenComparing(a -> a.subject().code())).toList();
        return new Assessment.Sheet(unit.value(), period.text(), period.first(), period.last(), of.name().toLowerCase(java.util.Locale.ROOT),
                scheme.version(), sorted);
    }

    private static List<Assessment> units(Scorecard.Sheet sheet) {
        return sheet.items().stream().map(s -> new Assessment(s.subject(), s.score(), s.grade(), new LinkedHashMap<>(s.rates()))).toList();
    }

    /** A person's roles in one score; the basis lists the score of each role. */
    private static List<Assessment> persons(Scorecard.Sheet sheet, ScoringScheme scheme) {
        Map<String, List<Scorecard>> byPerson = new LinkedHashMap<>();
        sheet.items().forEach(s -> byPerson.computeIfAbsent(s.subject().code(), k -> new java.util.ArrayList<>()).add(s));
        return byPerson.values().stream().map(cards -> {
            Map<SubjectKind, Map<Rate, Double>> rates = new EnumMap<>(SubjectKind.class);
            Map<String, Double> basis = new LinkedHashMap<>();
            for (Scorecard card : cards) {
                SubjectKind role = SubjectKind.valueOf(card.subject().role());
                Map<Rate, Double> r = new EnumMap<>(Rate.class);
                card.rates().forEach((key, value) -> r.put(Rate.ofKey(key), value));
                rates.put(role, r);
                basis.put(role.name().toLowerCase(java.util.Locale.ROOT) + "Score", card.score());
            }
            Double score = ThreeUses.personScore(scheme, rates);
            Scorecard.Subject s = cards.get(0).subject();
            return new Assessment(new Scorecard.Subject("person", s.code(), s.name(), s.nameEn(), null), score, scheme.grade(score), basis);
        }).toList();
    }

    private List<Assessment> shops(UnitCode unit, Period period, double penalty, ScoringScheme scheme) {
        var from = period.first().atStartOfDay(CaseContributions.CITY_ZONE).toInstant();
        var to = period.last().plusDays(1).atStartOfDay(CaseContributions.CITY_ZONE).toInstant();
        return duty.frontageProblems(unit.isCity() ? "" : unit.value(), from, to).stream().map(shop -> {
            double score = ThreeUses.shopScore(shop.problems(), penalty);
            Map<String, Double> basis = new LinkedHashMap<>();
            basis.put("frontageProblems", (double) shop.problems());
            basis.put("penaltyPerProblem", penalty);
            return new Assessment(new Scorecard.Subject("shop", String.valueOf(shop.shopId()), shop.name(), null, null), score,
                    scheme.grade(score), basis);
        }).toList();
    }
}
