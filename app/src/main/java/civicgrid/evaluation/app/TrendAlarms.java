package civicgrid.evaluation.app;

import civicgrid.evaluation.domain.TrendBand;
import civicgrid.evaluation.persistence.TrendStore;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trend alarms ({@link TrendBand}): each day, per district, every grid's and category's count of
 * the last 7 days against its previous weeks; the alarms of the day are kept (a recomputed day
 * replaces them). Run by the daily evaluation task for the day before, and on demand.
 */
@Service
public class TrendAlarms {

    private final TrendStore store;
    private final GeoApi geo;
    private final Clock clock;
    private final TrendBand band = TrendBand.DEFAULT;

    TrendAlarms(TrendStore store, GeoApi geo, Clock clock) {
        this.store = store;
        this.geo = geo;
        this.clock = clock;
    }

    /** Computes one district's alarms for the 7 days ending on {@code day}; answers them. */
    @Transactional
    public List<TrendStore.Alarm> compute(String district, LocalDate day) {
        List<TrendStore.Alarm> alarms = new ArrayList<>();
        for (TrendStore.Series s : store.weekly(district, day, band.weeks() + 1)) {
            Optional<TrendBand.Judgement> j = band.judge(s.weeks()[0], Arrays.copyOfRange(s.weeks(), 1, band.weeks() + 1));
            j.ifPresent(x -> alarms.add(new TrendStore.Alarm(day, s.gridCode(), s.categoryCode(), x.count(), x.mean(), x.sd(), x.upper())));
        }
        store.replace(district, day, alarms, clock.instant());
        return alarms;
    }

    /** Every district not yet computed for the day (a day is computed once by the schedule). */
    public int computeEverywhere(LocalDate day) {
        int alarms = 0;
        for (TerritoryUnit district : geo.children(UnitCode.city())) {
            if (!store.computed(district.code(), day)) {
                alarms += compute(district.code(), day).size();
            }
        }
        return alarms;
    }
}
