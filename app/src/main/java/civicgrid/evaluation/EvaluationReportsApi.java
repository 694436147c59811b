package civicgrid.evaluation;

import civicgrid.audit.AuditApi;
import civicgrid.catalog.CatalogApi;
import civicgrid.evaluation.domain.Period;
import civicgrid.evaluation.domain.Tier;
import civicgrid.evaluation.persistence.TierStore;
import civicgrid.evaluation.persistence.TrendStore;
import civicgrid.evaluation.reports.ReportGenerator;
import civicgrid.evaluation.reports.ReportKind;
import civicgrid.evaluation.reports.ReportStore;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Tiering, trend alarms and the daily and weekly reports as the web layer uses them; like
 * {@link EvaluationApi}, every answer is limited to the caller's territory and citizens get none.
 */
@Service
public class EvaluationReportsApi {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final int REPORT_LIST_LIMIT = 200;

    private final IdentityApi identity;
    private final TierStore tiers;
    private final TrendStore trends;
    private final ReportGenerator reports;
    private final GeoApi geo;
    private final CatalogApi catalog;
    private final AuditApi audit;
    private final Clock clock;

    EvaluationReportsApi(IdentityApi identity, TierStore tiers, TrendStore trends, ReportGenerator reports, GeoApi geo, CatalogApi catalog,
                         AuditApi audit, Clock clock) {
        this.identity = identity;
        this.tiers = tiers;
        this.trends = trends;
        this.reports = reports;
        this.geo = geo;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** How the cases closed in a period inside a unit were solved. */
    public record TierSplit(String unit, String period, LocalDate from, LocalDate to, String category, long total, List<Share> items) {
        /** One tier's count and share of the total (null when nothing was closed). */
        public record Share(String tier, long count, Double share) {
        }
    }

    /** The split of closed cases by tier inside a unit of the caller over a period (this month by default), optionally of one category (prefix). */
    public TierSplit tiers(String unit, String period, String category) {
        CurrentUser user = reader();
        UnitCode code = EvaluationApi.visibleUnit(user, unit);
        Period p = period(period == null ? LocalDate.now(clock.withZone(CITY)).toString().substring(0, 7) : period);
        if (category != null && !category.matches("[A-Z][0-9]{0,6}")) {
            throw CivicGridException.badRequest("INVALID_CATEGORY", "'" + category + "' is not a category code or the start of one.");
        }
        Map<Tier, Long> split = tiers.split(code.value(), p.first(), p.last(), category);
        long total = split.values().stream().mapToLong(Long::longValue).sum();
        List<TierSplit.Share> items = new ArrayList<>();
        split.forEach((t, n) -> items.add(new TierSplit.Share(t.name(), n, total == 0 ? null : Math.round(10_000.0 * n / total) / 10_000.0)));
        return new TierSplit(code.value(), p.text(), p.first(), p.last(), category, total, items);
    }

    /** The trend alarms of a day inside a unit. */
    public record TrendAlarms(String unit, LocalDate day, List<Alarm> items) {
        /** A category rising in a grid: its count of the 7 days ending on the day against its band (mean + k·sd of the weeks before). */
        public record Alarm(String gridCode, String gridName, String categoryCode, String categoryName, String categoryNameEn, int count,
                            double mean, double sd, double upper) {
        }
    }

    /** The trend alarms inside a unit of the caller on a day ({@code YYYY-MM-DD}; the latest computed day by default). */
    public TrendAlarms trends(String unit, String day) {
        CurrentUser user = reader();
        UnitCode code = EvaluationApi.visibleUnit(user, unit);
        LocalDate d;
        if (day == null) {
            d = trends.latestDay(code.value()).orElse(null);
        } else {
            try {
                d = LocalDate.parse(day);
            } catch (java.time.format.DateTimeParseException bad) {
                throw CivicGridException.badRequest("INVALID_DAY", "'" + day + "' is not a day (YYYY-MM-DD).");
            }
        }
        if (d == null) {
            return new TrendAlarms(code.value(), null, List.of());
        }
        List<TrendAlarms.Alarm> items = trends.alarms(code.value(), d).stream().map(a -> {
            var category = catalog.category(a.categoryCode());
            return new TrendAlarms.Alarm(a.gridCode(), geo.unit(UnitCode.of(a.gridCode())).map(TerritoryUnit::name).orElse(a.gridCode()),
                    a.categoryCode(), category.map(c -> c.nameZh()).orElse(a.categoryCode()), category.map(c -> c.nameEn()).orElse(a.categoryCode()),
                    a.count(), round(a.mean()), round(a.sd()), round(a.upper()));
        }).toList();
        return new TrendAlarms(code.value(), d, items);
    }

    /**
     * A kept report (its files at {@code /api/v1/evaluation/reports/{id}/pdf} and {@code .../xlsx}): who made it by
     * account ({@code generatedBy}) and by the name their account is shown by, as pages show people.
     */
    public record Report(String id, String kind, String unitCode, String unitName, String period, Instant generatedAt, String generatedBy,
                         String generatedByName, int pdfBytes, int xlsxBytes) {
    }

    /** The kept reports of a unit of the caller and the units inside it, newest first. */
    public List<Report> reports(String unit) {
        CurrentUser user = reader();
        UnitCode code = EvaluationApi.visibleUnit(user, unit);
        List<ReportStore.Info> kept = reports.list(code.value(), REPORT_LIST_LIMIT).stream().filter(r -> user.sees(r.unitCode())).toList();
        Map<String, String> names = identity.displayNames(kept.stream().map(ReportStore.Info::generatedBy).collect(Collectors.toSet()));
        // the scheduled run's reports, and those of accounts gone since, keep the stored name
        return kept.stream().map(r -> view(r, names.getOrDefault(r.generatedBy(), r.generatedBy()))).toList();
    }

    /** Makes a report of a street or district of the caller now (replacing the one kept for the period); audited. */
    public Report generate(String unit, String kind, String period) {
        CurrentUser user = reader();
        UnitCode code = EvaluationApi.visibleUnit(user, unit);
        if (code.isCity() || (code.level() != TerritoryLevel.DISTRICT && code.level() != TerritoryLevel.STREET)) {
            throw CivicGridException.badRequest("INVALID_UNIT_LEVEL", "Reports are made per street or district.");
        }
        ReportKind k = kind(kind);
        String periodText = period != null ? period : k.lastCompleted(LocalDate.now(clock.withZone(CITY)));
        Period p;
        try {
            p = k.period(periodText);
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_PERIOD", bad.getMessage());
        }
        TerritoryUnit u = geo.unit(code).orElseThrow(() -> CivicGridException.notFound("UNIT_NOT_FOUND", "No unit " + code + "."));
        ReportStore.Info kept = reports.generate(k, u, p, user.username());
        audit.record("EVALUATION_REPORT_GENERATED", "EVALUATION_REPORT", kept.id().toString(), null,
                Map.of("kind", k.name(), "unit", code.value(), "period", p.text()));
        return view(kept, user.displayName());
    }

    /** A report's file for download. */
    public record File(String filename, String contentType, byte[] content) {
    }

    /** A kept report's PDF ({@code asPdf}) or workbook, if the report is inside the caller's territory. */
    public File download(String id, boolean asPdf) {
        CurrentUser user = reader();
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_REPORT_ID", "'" + id + "' is not a report id.");
        }
        ReportStore.Info info = reports.find(uuid).orElseThrow(() -> CivicGridException.notFound("REPORT_NOT_FOUND", "No report " + id + "."));
        if (!user.sees(info.unitCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This report is outside your territory.");
        }
        byte[] bytes = reports.content(uuid, asPdf).orElseThrow(() -> CivicGridException.notFound("REPORT_NOT_FOUND", "No report " + id + "."));
        String name = info.kind().name().toLowerCase(Locale.ROOT) + "-" + info.unitCode() + "-" + info.period() + (asPdf ? ".pdf" : ".xlsx");
        return new File(name, asPdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
    }

    private Report view(ReportStore.Info r, String generatedByName) {
        return new Report(r.id().toString(), r.kind().name(), r.unitCode(), geo.unit(UnitCode.of(r.unitCode())).map(TerritoryUnit::name)
                .orElse(r.unitCode()), r.period(), r.generatedAt(), r.generatedBy(), generatedByName, r.pdfBytes(), r.xlsxBytes());
    }

    private static ReportKind kind(String kind) {
        try {
            return ReportKind.valueOf((kind == null ? "daily" : kind).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_REPORT_KIND", "kind is daily or weekly.");
        }
    }

    private static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_PERIOD", bad.getMessage());
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private CurrentUser reader() {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Evaluation is for the command centers, departments and leaders.");
        }
        return user;
    }
}
