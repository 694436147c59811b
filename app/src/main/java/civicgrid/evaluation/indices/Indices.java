package civicgrid.evaluation.indices;

import civicgrid.duty.DutyApi;
import civicgrid.evaluation.IndexSheet;
import civicgrid.evaluation.domain.CaseContributions;
import civicgrid.evaluation.domain.IndicatorNode;
import civicgrid.evaluation.domain.IndicatorTree;
import civicgrid.evaluation.domain.Measure;
import civicgrid.evaluation.domain.Period;
import civicgrid.evaluation.domain.SubjectKind;
import civicgrid.evaluation.domain.Tally;
import civicgrid.evaluation.persistence.TallyStore;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.IdentityApi;
import civicgrid.sensing.SensingApi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The five indices of a district or street per month, computed when asked from the monthly case
 * figures, duty's frontage ledger, sensing's alarms and the imported values, with the tree valid on
 * the month's first day; and what is behind one indicator.
 */
@Service
public class Indices {

    static final int MAX_CASES_BEHIND = 200;

    private final IndicatorStore store;
    private final TallyStore tallies;
    private final DutyApi duty;
    private final SensingApi sensing;
    private final GeoApi geo;
    private final IdentityApi identity;

    Indices(IndicatorStore store, TallyStore tallies, DutyApi duty, SensingApi sensing, GeoApi geo, IdentityApi identity) {
        this.identity = identity;
        this.store = store;
        this.tallies = tallies;
        this.duty = duty;
        this.sensing = sensing;
        this.geo = geo;
    }

    /** A tree version and its nodes. */
    public record Tree(IndicatorStore.Version version, IndicatorTree tree) {
    }

    public Tree treeOn(LocalDate day) {
        IndicatorStore.Version v = store.inForceOn(day);
        return new Tree(v, IndicatorTree.of(store.nodes(v.version())));
    }

    /** The unit is a district or street the caller sees. */
    public IndexSheet sheet(UnitCode unit, YearMonth month) {
        Tree tree = treeOn(month.atDay(1));
        Map<String, IndicatorTree.Value> values = tree.tree().compute(new Figures(unit, month));
        return new IndexSheet(unit.value(), geo.unit(unit).map(TerritoryUnit::name).orElse(unit.value()), month.toString(),
                tree.version().version(), tree.tree().roots().stream().map(r -> node(tree.tree(), r, values)).toList());
    }

    private static IndexSheet.Node node(IndicatorTree tree, IndicatorNode n, Map<String, IndicatorTree.Value> values) {
        IndicatorTree.Value v = values.get(n.code());
        List<IndexSheet.Node> children = tree.childrenOf(n.code()).stream().map(c -> node(tree, c, values)).toList();
        return new IndexSheet.Node(n.code(), n.nameZh(), n.nameEn(), n.weight(), n.direction(), n.normalisation(), n.lo(), n.hi(), n.source(),
                n.sourceRef(), v == null ? null : v.raw(), v == null ? null : v.score(), children);
    }

    /** What is behind one indicator of the unit's month; empty when the tree of that month has no such second-level indicator. */
    public java.util.Optional<IndexSheet.Behind> behind(UnitCode unit, YearMonth month, String code) {
        Tree tree = treeOn(month.atDay(1));
        java.util.Optional<IndicatorNode> found = tree.tree().node(code).filter(IndicatorNode::leaf);
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        IndicatorNode n = found.get();
        Figures figures = new Figures(unit, month);
        Double raw = figures.apply(n);
        IndexSheet.Node node = new IndexSheet.Node(n.code(), n.nameZh(), n.nameEn(), n.weight(), n.direction(), n.normalisation(), n.lo(),
                n.hi(), n.source(), n.sourceRef(), raw, n.normalise(raw), List.of());
        List<IndexSheet.CaseRef> cases = List.of();
        List<IndexSheet.ShopRef> shops = List.of();
        boolean more = false;
        String importedBy = null;
        String importedByName = null;
        Instant importedAt = null;
        switch (n.source()) {
            case "CASE" -> {
                List<String> measures = IndicatorTree.CaseFigure.parse(n.sourceRef()).orElseThrow().measures().stream().map(Measure::name).toList();
                List<IndicatorStore.CaseBehind> found2 = store.casesBehind(kindOf(unit).name(), unit.value(), month.atDay(1), measures,
                        MAX_CASES_BEHIND + 1);
                more = found2.size() > MAX_CASES_BEHIND;
                cases = found2.stream().limit(MAX_CASES_BEHIND).map(c -> new IndexSheet.CaseRef(c.caseId().toString(), c.number(),
                        c.categoryCode(), c.gridCode(), c.measures())).toList();
            }
            case "DUTY" -> shops = figures.shops().stream().filter(s -> s.problems() > 0)
                    .map(s -> new IndexSheet.ShopRef(s.shopId(), s.name(), s.gridCode(), s.problems())).toList();
            case "IMPORTED" -> {
                IndicatorStore.Imported i = figures.imports().get(n.code());
                if (i != null) {
                    importedBy = i.importedBy();
                    // importers are staff: shown by their account's display name, a gone account by the stored name
                    importedByName = identity.displayName(importedBy).orElse(importedBy);
                    importedAt = i.importedAt();
                }
            }
            default -> {
                // sensing: the alarm counts are the figure
            }
        }
        return java.util.Optional.of(new IndexSheet.Behind(unit.value(), month.toString(), node, cases, more, shops, importedBy, importedByName,
                importedAt));
    }

    static SubjectKind kindOf(UnitCode unit) {
        return unit.value().length() == 6 ? SubjectKind.DISTRICT : SubjectKind.STREET;
    }

    /** The raw figures of one unit's month, each source read once and only when a node needs it. */
    private final class Figures implements Function<IndicatorNode, Double> {
        private final UnitCode unit;
        private final YearMonth month;
        private final Instant from;
        private final Instant to;
        private Tally tally;
        private List<DutyApi.ShopProblems> shops;
        private SensingApi.AlarmFigures alarms;
        private Map<String, IndicatorStore.Imported> imports;

        Figures(UnitCode unit, YearMonth month) {
            this.unit = unit;
            this.month = month;
            this.from = month.atDay(1).atStartOfDay(CaseContributions.CITY_ZONE).toInstant();
            this.to = month.plusMonths(1).atDay(1).atStartOfDay(CaseContributions.CITY_ZONE).toInstant();
        }

        @Override
        public Double apply(IndicatorNode n) {
            String ref = n.sourceRef();
            return switch (n.source()) {
                case "CASE" -> IndicatorTree.CaseFigure.parse(ref).map(f -> f.of(tally())).orElse(null);
                case "DUTY" -> {
                    List<DutyApi.ShopProblems> s = shops();
                    if ("frontageProblems".equals(ref)) {
                        yield (double) s.stream().mapToLong(DutyApi.ShopProblems::problems).sum();
                    }
                    yield s.isEmpty() ? null : Math.round(s.stream().filter(x -> x.problems() == 0).count() * 10000.0 / s.size()) / 10000.0;
                }
                case "SENSING" -> {
                    SensingApi.AlarmFigures a = alarms();
                    if ("alarmsRaised".equals(ref)) {
                        yield (double) a.raised();
                    }
                    yield a.raised() == 0 ? null : Math.round(a.acknowledged() * 10000.0 / a.raised()) / 10000.0;
                }
                default -> {
                    IndicatorStore.Imported i = imports().get(n.code());
                    yield i == null ? null : i.value();
                }
            };
        }

        Tally tally() {
            if (tally == null) {
                Period p = Period.parse(month.toString());
                tally = tallies.sums(List.of(kindOf(unit)), unit.value(), p).stream().findFirst().map(TallyStore.Row::tally)
                        .orElse(Tally.of(Map.of()));
            }
            return tally;
        }

        List<DutyApi.ShopProblems> shops() {
            if (shops == null) {
                shops = new ArrayList<>(duty.frontageProblems(unit.value(), from, to));
            }
            return shops;
        }

        SensingApi.AlarmFigures alarms() {
            if (alarms == null) {
                alarms = sensing.alarmFigures(unit.value(), from, to);
            }
            return alarms;
        }

        Map<String, IndicatorStore.Imported> imports() {
            if (imports == null) {
                imports = store.imports(unit.value(), month.atDay(1));
            }
            return imports;
        }
    }
}
