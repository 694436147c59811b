package civicgrid.duty;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import civicgrid.support.OtherNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Planning a day exactly once with two nodes on one database and after a restart. */
class DutyClusterTest extends IntegrationTest {

    @Autowired
    DutyApi duty;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    long[] counts(LocalDate day) {
        return jdbc.queryForObject("select count(*), count(distinct (worker_id, item_code, subject_kind, subject_key)) from duty.task"
                + " where due_date = ?", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, day);
    }

    @Test
    void twoNodesAndARestartPlanEachTaskOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate beforeRestart = today.plusDays(20);
        LocalDate raced = today.plusDays(21);
        int planned = duty.planDay(beforeRestart);
        assertThat(planned).isPositive();
        try (ConfigurableApplicationContext second = OtherNode.start(dataSource)) {
            DutyApi other = second.getBean(DutyApi.class);
            assertThat(other.planDay(beforeRestart)).as("a node started later plans nothing twice").isZero();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(() -> duty.planDay(raced));
                    runs.add(() -> other.planDay(raced));
                }
                int created = 0;
                for (Future<Integer> f : pool.invokeAll(runs)) {
                    created += f.get();
                }
                long[] counts = counts(raced);
                assertThat(counts[0]).as("tasks created by all runs together").isEqualTo(created).isPositive();
                assertThat(counts[1]).as("one task per worker, item and subject").isEqualTo(counts[0]);
            } finally {
                pool.shutdown();
            }
        }
        assertThat(counts(beforeRestart)[0]).isEqualTo(planned);
    }

    @Test
    void theMorningPlanningIsScheduledDailyAtTheConfiguredHour() {
        Instant next = jdbc.queryForObject("select execution_time from scheduled_tasks where task_name = 'duty-daily-planning'",
                Instant.class);
        assertThat(next.atZone(ZoneId.of("Asia/Shanghai")).toLocalTime()).isEqualTo(LocalTime.of(6, 0));
        assertThat(next).isAfter(Instant.now());
    }
}
