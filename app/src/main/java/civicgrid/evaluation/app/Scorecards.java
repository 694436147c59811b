package civicgrid.evaluation.app;

import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Department;
import civicgrid.evaluation.Scorecard;
import civicgrid.evaluation.domain.Grouping;
import civicgrid.evaluation.domain.Measure;
import civicgrid.evaluation.domain.Period;
import civicgrid.evaluation.domain.Rate;
import civicgrid.evaluation.domain.ScoringScheme;
import civicgrid.evaluation.domain.SubjectKind;
import civicgrid.evaluation.persistence.ScoringStore;
import civicgrid.evaluation.persistence.TallyStore;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.IdentityApi;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Scorecards of a unit's subjects over a period, from the per-day figures and the scoring scheme in force. */
@Service
public class Scorecards {

    private final TallyStore tallies;
    private final ScoringStore scoring;
    private final GeoApi geo;
    private final CatalogApi catalog;
    private final IdentityApi identity;
    private final civicgrid.evaluation.assessment.AssessedSubjects subjects;

    Scorecards(TallyStore tallies, ScoringStore scoring, GeoApi geo, CatalogApi catalog, IdentityApi identity,
               civicgrid.evaluation.assessment.AssessedSubjects subjects) {
        this.subjects = subjects;
        this.identity = identity;
        this.tallies = tallies;
        this.scoring = scoring;
        this.geo = geo;
        this.catalog = catalog;
    }

    /** The unit is a valid code the caller may see; the grouping is not above the unit's level. */
    public Scorecard.Sheet sheet(UnitCode unit, Period period, Grouping by) {
        ScoringScheme scheme = scoring.inForceOn(period.first());
        String prefix = unit.isCity() ? "" : unit.value();
        List<TallyStore.Row> rows = tallies.sums(by.kinds(), prefix, period);
        // persons' names in one query, not one per person
        Map<String, String> names = by == Grouping.PERSON
                ? identity.displayNames(rows.stream().map(TallyStore.Row::subject).distinct().toList()) : Map.of();
        List<Scorecard> items = rows.stream().map(row -> {
            Map<Rate, Double> rates = row.tally().rates(row.kind());
            Double score = scheme.score(row.kind(), rates);
            Map<String, Double> byKey = new LinkedHashMap<>();
            rates.forEach((rate, value) -> byKey.put(rate.key(), value));
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Measure m : Measure.values()) {
                counts.put(m.name(), row.tally().get(m));
            }
            return new Scorecard(subject(row.kind(), row.subject(), names), byKey, score, scheme.grade(score), counts);
        }).sorted(Comparator.comparing((Scorecard s) -> s.subject().role() == null ? "" : s.subject().role())
                .thenComparing(s -> s.score() == null ? Double.MAX_VALUE : -s.score())
                .thenComparing(s -> s.subject().code())).toList();
        return new Scorecard.Sheet(unit.value(), period.text(), period.first(), period.last(), by.name().toLowerCase(Locale.ROOT),
                scheme.version(), items);
    }

    private Scorecard.Subject subject(SubjectKind kind, String code, Map<String, String> personNames) {
        if (kind.territorial()) {
            String name = geo.unit(UnitCode.of(code)).map(TerritoryUnit::name).orElse(code);
            return new Scorecard.Subject(kind.name().toLowerCase(Locale.ROOT), code, name, null, null);
        }
        if (kind == SubjectKind.SEGMENT || kind == SubjectKind.TRADE) {
            return subjects.of(kind, code);
        }
        if (kind == SubjectKind.DEPARTMENT) {
            Optional<Department> d = catalog.department(Department.codeOfInstance(code));
            return new Scorecard.Subject("department", code, d.map(Department::nameZh).orElse(code), d.map(Department::nameEn).orElse(code),
                    null);
        }
        // an account that is gone keeps its user name
        return new Scorecard.Subject("person", code, personNames.getOrDefault(code, code), null, kind.name());
    }
}
