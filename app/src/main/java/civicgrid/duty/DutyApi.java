package civicgrid.duty;

import civicgrid.duty.app.DailyTasks;
import civicgrid.duty.persistence.FrontageStore;
import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** What other modules (and operations) ask of duty. */
@Service
public class DutyApi {

    private final DailyTasks tasks;
    private final FrontageStore frontage;

    DutyApi(DailyTasks tasks, FrontageStore frontage) {
        this.tasks = tasks;
        this.frontage = frontage;
    }

    /** A frontage-duty shop (门前三包) and the problems recorded in front of it in a window. */
    public record ShopProblems(long shopId, String name, String gridCode, long problems) {
    }

    /**
     * Every frontage-duty shop in a unit (its code or below; "" for the city) with the problems its
     * ledger recorded in [from, to): for evaluation's shop scores. No actor is checked: the caller
     * scopes the unit.
     */
    public List<ShopProblems> frontageProblems(String unitPrefix, Instant from, Instant to) {
        return frontage.problemsPerShop(unitPrefix, from, to).stream()
                .map(s -> new ShopProblems(s.shopId(), s.name(), s.gridCode(), s.problems())).toList();
    }

    /** Plans {@code date} for every grid worker now (the morning job does the same); returns how many tasks were new. */
    public int planDay(LocalDate date) {
        return tasks.planEverybody(date);
    }
}
