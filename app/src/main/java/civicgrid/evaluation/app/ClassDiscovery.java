package civicgrid.evaluation.app;

import civicgrid.evaluation.domain.CasePoints;
import civicgrid.evaluation.domain.ClassFinder;
import civicgrid.evaluation.persistence.CaseFactStore;
import civicgrid.evaluation.persistence.ClassStore;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs class discovery over a district's last 90 days of cases (a hotspot measured against the
 * group's background over the district's area) and keeps the proposals: one
 * proposed class per district and category group, updated in place by every run; cases of an
 * accepted or dismissed class are not proposed again. Runs on a recurring task for every district
 * and on demand.
 */
@Service
public class ClassDiscovery {

    private static final Logger log = LoggerFactory.getLogger(ClassDiscovery.class);
    public static final Duration SCANNED = Duration.ofDays(90);

    private final CaseFactStore facts;
    private final ClassStore classes;
    private final GeoApi geo;
    private final Clock clock;
    private final ClassFinder finder = new ClassFinder(ClassFinder.Settings.DEFAULT);

    ClassDiscovery(CaseFactStore facts, ClassStore classes, GeoApi geo, Clock clock) {
        this.facts = facts;
        this.classes = classes;
        this.geo = geo;
        this.clock = clock;
    }

    /** Discovers the classes of one district now; answers how many classes were proposed or updated. */
    @Transactional
    public int discover(String district) {
        Instant now = clock.instant();
        Instant from = now.minus(SCANNED);
        Set<UUID> decided = classes.decidedCases(district);
        CasePoints points = facts.points(district, from, now).without(decided);
        List<ClassFinder.Found> found = finder.find(points, districtSquareMeters(district));
        for (ClassFinder.Found f : found) {
            UUID id = classes.proposed(district, f.categoryGroup()).map(ClassStore.Row::id).orElse(null);
            if (id == null) {
                id = UUID.randomUUID();
                classes.insert(id, district, f.categoryGroup(), f.categoryCode(), from, now, f.hotspots(), now);
            } else {
                classes.update(id, f.categoryCode(), from, now, f.hotspots(), now);
            }
            classes.replaceCases(id, f.caseIds());
        }
        return found.size();
    }

    /** The district's area: what a category group's background is spread over; unknown, the fixed thresholds alone apply. */
    public double districtSquareMeters(String district) {
        return geo.unit(UnitCode.of(district)).map(u -> u.areaKm2() * 1e6).filter(a -> a > 0).orElse(Double.POSITIVE_INFINITY);
    }

    /** Every district of the city, one after the other. */
    public int discoverEverywhere() {
        int total = 0;
        for (TerritoryUnit district : geo.children(UnitCode.city())) {
            total += discover(district.code());
        }
        return total;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> classDiscoveryTask(ClassDiscovery discovery,
                                           @Value("${civicgrid.evaluation.discovery-interval:PT6H}") Duration interval) {
            return Tasks.recurring("evaluation-class-discovery", FixedDelay.of(interval)).execute((instance, context) -> {
                int n = discovery.discoverEverywhere();
                log.info("Class discovery: {} classes proposed or updated", n);
            });
        }
    }
}
