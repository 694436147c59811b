package civicgrid.evaluation.reports;

import civicgrid.evaluation.app.TrendAlarms;
import civicgrid.evaluation.domain.Period;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * Makes and keeps the reports. Each morning (city time) one recurring task of the cluster computes
 * yesterday's trend alarms, then the daily sheet of yesterday and the weekly analysis of last week
 * for every district and street that has none yet (a missed morning is made up the next day for the
 * week; a report is kept once per kind, unit and period, whichever node runs the task). On demand,
 * a report is made again and replaces the kept one.
 */
@Service
public class ReportGenerator {

    private static final Logger log = LoggerFactory.getLogger(ReportGenerator.class);
    static final String SYSTEM = "system";

    private final ReportAssembler assembler;
    private final PdfReportWriter pdf;
    private final ExcelReportWriter excel;
    private final ReportStore store;
    private final GeoApi geo;
    private final TrendAlarms trends;
    private final Clock clock;

    ReportGenerator(ReportAssembler assembler, PdfReportWriter pdf, ExcelReportWriter excel, ReportStore store, GeoApi geo, TrendAlarms trends,
                    Clock clock) {
        this.assembler = assembler;
        this.pdf = pdf;
        this.excel = excel;
        this.store = store;
        this.geo = geo;
        this.trends = trends;
        this.clock = clock;
    }

    /** The PDF and the workbook of one report, not kept. */
    public record Rendered(byte[] pdf, byte[] xlsx) {
    }

    /** Renders a report of a street or district (the caller checked scope and level). */
    public Rendered render(ReportKind kind, TerritoryUnit unit, Period period) {
        ReportContent content = assembler.assemble(kind, unit, period);
        return new Rendered(pdf.write(content), excel.write(content));
    }

    /** Renders and keeps a report, replacing the one kept for the same kind, unit and period. */
    public ReportStore.Info generate(ReportKind kind, TerritoryUnit unit, Period period, String by) {
        Rendered r = render(kind, unit, period);
        return store.keep(kind, unit.code(), period.text(), clock.instant(), by, r.pdf(), r.xlsx(), true).orElseThrow();
    }

    /** The kept reports of a unit and the units inside it, newest first. */
    public List<ReportStore.Info> list(String unit, int limit) {
        return store.list(unit, limit);
    }

    public Optional<ReportStore.Info> find(java.util.UUID id) {
        return store.find(id);
    }

    /** A kept report's PDF or workbook. */
    public Optional<byte[]> content(java.util.UUID id, boolean asPdf) {
        return store.content(id, asPdf);
    }

    /** The scheduled run: trend alarms of yesterday, then the reports missing for the last day and week; answers how many were made. */
    public int runScheduled(List<TerritoryLevel> levels) {
        trends.computeEverywhere(LocalDate.now(clock.withZone(ReportQueries.CITY)).minusDays(1));
        return makeMissing(units(levels));
    }

    /**
     * Makes the daily sheet of yesterday and the weekly analysis of last week for each unit that has
     * none kept yet; a report another run kept meanwhile is not kept twice. Answers how many were kept.
     */
    public int makeMissing(List<TerritoryUnit> units) {
        LocalDate today = LocalDate.now(clock.withZone(ReportQueries.CITY));
        int made = 0;
        for (ReportKind kind : ReportKind.values()) {
            String periodText = kind.lastCompleted(today);
            Period period = kind.period(periodText);
            Set<String> done = store.unitsWith(kind, periodText);
            for (TerritoryUnit unit : units) {
                if (done.contains(unit.code())) {
                    continue;
                }
                try {
                    Rendered r = render(kind, unit, period);
                    Optional<ReportStore.Info> kept = store.keep(kind, unit.code(), periodText, clock.instant(), SYSTEM, r.pdf(), r.xlsx(), false);
                    made += kept.isPresent() ? 1 : 0;
                } catch (civicgrid.platform.CivicGridException fontMissing) {
                    // no font: every report would fail the same way, said once
                    log.error("Reports not made: {}", fontMissing.getMessage());
                    return made;
                } catch (RuntimeException failed) {
                    // one unit's failure does not stop the others; the next run tries it again
                    log.error("Report {} of {} for {} failed", kind, unit.code(), periodText, failed);
                }
            }
        }
        return made;
    }

    private List<TerritoryUnit> units(List<TerritoryLevel> levels) {
        List<TerritoryUnit> out = new ArrayList<>();
        for (TerritoryUnit district : geo.children(UnitCode.city())) {
            if (levels.contains(TerritoryLevel.DISTRICT)) {
                out.add(district);
            }
            if (levels.contains(TerritoryLevel.STREET)) {
                out.addAll(geo.children(UnitCode.of(district.code())));
            }
        }
        return out;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> evaluationReportsTask(ReportGenerator generator,
                                                  @Value("${civicgrid.evaluation.reports.at:06:30}") LocalTime at,
                                                  @Value("${civicgrid.evaluation.reports.levels:DISTRICT,STREET}") List<TerritoryLevel> levels) {
            return Tasks.recurring("evaluation-daily-reports", Schedules.daily(ReportQueries.CITY, at)).execute((instance, context) -> {
                int n = generator.runScheduled(levels);
                log.info("Evaluation reports: {} made", n);
            });
        }
    }
}
