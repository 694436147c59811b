package civicgrid.duty;

import civicgrid.duty.app.DailyTasks;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** What other modules (and operations) ask of duty. */
@Service
public class DutyApi {

    private final DailyTasks tasks;

    DutyApi(DailyTasks tasks) {
        this.tasks = tasks;
    }

    /** Plans {@code date} for every grid worker now (the morning job does the same); returns how many tasks were new. */
    public int planDay(LocalDate date) {
        return tasks.planEverybody(date);
    }
}
