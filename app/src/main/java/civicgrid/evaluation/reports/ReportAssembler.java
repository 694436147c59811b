package civicgrid.evaluation.reports;

import civicgrid.catalog.CatalogApi;
import civicgrid.evaluation.Scorecard;
import civicgrid.evaluation.app.Scorecards;
import civicgrid.evaluation.domain.Grouping;
import civicgrid.evaluation.domain.Measure;
import civicgrid.evaluation.domain.Period;
import civicgrid.evaluation.domain.Rate;
import civicgrid.evaluation.domain.Tier;
import civicgrid.evaluation.persistence.ClassStore;
import civicgrid.evaluation.persistence.TierStore;
import civicgrid.evaluation.persistence.TrendStore;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a report together for a street or district and a period: the unit's figures and rates, the
 * tiers, reports per day, categories, hotspot grids, the units below ranked, open overdue cases,
 * classes of problems and trend alarms. Reports are written in Chinese, the centers' working
 * language (labels from i18n/evaluation.properties).
 */
@Component
class ReportAssembler {

    static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
    static final int OVERDUE_ROWS = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Scorecards scorecards;
    private final ReportQueries queries;
    private final TierStore tiers;
    private final TrendStore trends;
    private final ClassStore classes;
    private final GeoApi geo;
    private final CatalogApi catalog;
    private final MessageSource messages;
    private final Clock clock;

    ReportAssembler(Scorecards scorecards, ReportQueries queries, TierStore tiers, TrendStore trends, ClassStore classes, GeoApi geo,
                    CatalogApi catalog, MessageSource messages, Clock clock) {
        this.scorecards = scorecards;
        this.queries = queries;
        this.tiers = tiers;
        this.trends = trends;
        this.classes = classes;
        this.geo = geo;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
    }

    ReportContent assemble(ReportKind kind, TerritoryUnit unit, Period period) {
        String code = unit.code();
        List<ReportContent.Section> sections = new ArrayList<>();
        Grouping own = unit.level() == TerritoryLevel.DISTRICT ? Grouping.DISTRICT : Grouping.STREET;
        List<Scorecard> cards = scorecards.sheet(UnitCode.of(code), period, own).items();
        Scorecard card = cards.isEmpty() ? null : cards.get(0);

        List<List<Object>> figures = new ArrayList<>();
        for (Measure m : List.of(Measure.REPORTED, Measure.REPORTED_REGISTERED, Measure.DUE, Measure.HANDLED, Measure.OVERDUE, Measure.CLOSED)) {
            figures.add(List.of(text("eval.report.measure." + m.name()), card == null ? 0L : card.counts().getOrDefault(m.name(), 0L)));
        }
        for (Rate r : Rate.values()) {
            Double v = card == null ? null : card.rates().get(r.key());
            figures.add(List.of(text("eval.rate." + r.key()), v == null ? "—" : (Object) v));
        }
        figures.add(List.of(text("eval.score"), card == null || card.score() == null ? "—" : String.format(Locale.ROOT, "%.1f", card.score())));
        figures.add(List.of(text("eval.grade"), card == null || card.grade() == null ? "—" : card.grade()));
        sections.add(new ReportContent.Table(text("eval.report.figures"), text("eval.report.sheet.figures"), false,
                List.of(text("eval.report.indicator"), text("eval.report.value")), figures, null));

        Map<Tier, Long> split = tiers.split(code, period.first(), period.last(), null);
        long tiered = split.values().stream().mapToLong(Long::longValue).sum();
        List<List<Object>> tierRows = new ArrayList<>();
        split.forEach((t, n) -> tierRows.add(List.of(text("eval.tier." + t.name()), n, tiered == 0 ? "—" : (Object) ((double) n / tiered))));
        sections.add(new ReportContent.Table(text("eval.report.tiers"), text("eval.report.sheet.tiers"), false,
                List.of(text("eval.report.tier"), text("eval.report.cases"), text("eval.report.share")), tierRows, null));

        LocalDate chartFrom = kind == ReportKind.DAILY ? period.first().minusDays(6) : period.first();
        Map<LocalDate, Long> reported = queries.reportedPerDay(code, chartFrom, period.last());
        Map<LocalDate, Long> closed = queries.closedPerDay(code, chartFrom, period.last());
        sections.add(new ReportContent.Bars(text("eval.report.perDay"), text("eval.report.sheet.perDay"), false, text("eval.report.day"),
                text("eval.report.reported"), reported.keySet().stream().map(d -> d.format(DAY)).toList(), List.copyOf(reported.values())));
        sections.add(new ReportContent.Bars(text("eval.report.closedPerDay"), text("eval.report.sheet.closedPerDay"), false,
                text("eval.report.day"), text("eval.report.closed"), closed.keySet().stream().map(d -> d.format(DAY)).toList(),
                List.copyOf(closed.values())));

        List<ReportQueries.Count> categories = queries.byCategory(code, period.first(), period.last(), 10);
        sections.add(new ReportContent.Bars(text("eval.report.categories"), text("eval.report.sheet.categories"), true,
                text("eval.report.category"), text("eval.report.reported"), categories.stream().map(c -> categoryName(c.code())).toList(),
                categories.stream().map(ReportQueries.Count::count).toList()));
        List<List<Object>> hotspots = new ArrayList<>();
        for (ReportQueries.Count g : queries.hotspotGrids(code, period.first(), period.last(), 10)) {
            hotspots.add(List.of(unitName(g.code()), g.code(), g.count()));
        }
        sections.add(new ReportContent.Table(text("eval.report.hotspots"), text("eval.report.sheet.hotspots"), false,
                List.of(text("eval.report.grid"), text("eval.report.code"), text("eval.report.reported")), hotspots, text("eval.report.none")));
        Grouping below = unit.level() == TerritoryLevel.DISTRICT ? Grouping.STREET : Grouping.COMMUNITY;
        List<List<Object>> ranking = new ArrayList<>();
        for (Scorecard s : scorecards.sheet(UnitCode.of(code), period, below).items()) {
            ranking.add(List.of(s.subject().name(), s.score() == null ? "—" : String.format(Locale.ROOT, "%.1f", s.score()),
                    s.grade() == null ? "—" : s.grade(), rate(s, Rate.CLOSURE), rate(s, Rate.ON_TIME_DISPOSAL)));
        }
        sections.add(new ReportContent.Table(text("eval.report.ranking"), text("eval.report.sheet.ranking"), false,
                List.of(text("eval.report.unit"), text("eval.score"), text("eval.grade"), text("eval.rate.closureRate"),
                        text("eval.rate.onTimeDisposalRate")), ranking, text("eval.report.none")));

        List<List<Object>> overdue = new ArrayList<>();
        for (ReportQueries.Overdue o : queries.openOverdue(code, OVERDUE_ROWS)) {
            overdue.add(List.of(o.number(), categoryName(o.categoryCode()), unitName(o.gridCode()),
                    o.reportedAt().atZone(ReportQueries.CITY).toLocalDate().format(DAY), text("state." + o.state())));
        }
        sections.add(new ReportContent.Table(text("eval.report.overdue"), text("eval.report.sheet.overdue"), true,
                List.of(text("eval.report.number"), text("eval.report.category"), text("eval.report.grid"), text("eval.report.reportedOn"),
                        text("eval.report.state")), overdue, text("eval.report.none")));
        List<List<Object>> found = new ArrayList<>();
        for (ClassStore.Row r : classes.ofDistricts(code.substring(0, 6))) {
            ClassStore.Row inUnit = unit.level() == TerritoryLevel.DISTRICT ? r : classes.narrowedTo(r, code);
            if (!inUnit.caseIds().isEmpty() && !"DISMISSED".equals(inUnit.state())) {
                found.add(List.of(categoryName(inUnit.categoryCode()), (long) inUnit.caseIds().size(), (long) inUnit.hotspots(),
                        text("eval.report.class." + inUnit.state())));
            }
        }
        sections.add(new ReportContent.Table(text("eval.report.classes"), text("eval.report.sheet.classes"), false,
                List.of(text("eval.report.category"), text("eval.report.cases"), text("eval.report.hotspotCount"), text("eval.report.state")),
                found, text("eval.report.none")));
        List<List<Object>> alarms = new ArrayList<>();
        trends.latestDay(code).filter(d -> !d.isAfter(period.last())).ifPresent(day -> {
            for (TrendStore.Alarm a : trends.alarms(code, day)) {
                alarms.add(List.of(unitName(a.gridCode()), categoryName(a.categoryCode()), (long) a.count(),
                        String.format(Locale.ROOT, "%.1f", a.mean()), String.format(Locale.ROOT, "%.1f", a.upper())));
            }
        });
        sections.add(new ReportContent.Table(text("eval.report.trends"), text("eval.report.sheet.trends"), false,
                List.of(text("eval.report.grid"), text("eval.report.category"), text("eval.report.lastWeek"), text("eval.report.mean"),
                        text("eval.report.upper")), alarms, text("eval.report.none")));

        String title = unit.name() + " · " + text("eval.report.kind." + kind.name());
        String subtitle = text("eval.report.period") + " " + period.text() + " (" + period.first().format(DAY) + " – " + period.last().format(DAY)
                + ")";
        String footer = text("eval.report.generated") + " " + clock.instant().atZone(ReportQueries.CITY).toLocalDateTime().withNano(0)
                .toString().replace('T', ' ') + " · " + code;
        return new ReportContent(title, subtitle, footer, sections);
    }

    private static Object rate(Scorecard s, Rate r) {
        Double v = s.rates().get(r.key());
        return v == null ? "—" : v;
    }

    private String categoryName(String code) {
        return catalog.category(code).map(c -> c.nameZh()).orElse(code);
    }

    private String unitName(String code) {
        return geo.unit(UnitCode.of(code)).map(TerritoryUnit::name).orElse(code);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LANGUAGE);
    }
}
