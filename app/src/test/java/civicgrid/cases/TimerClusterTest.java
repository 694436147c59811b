package civicgrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.deadline.CaseTimers;
import civicgrid.geo.GeoApi;
import civicgrid.support.IntegrationTest;
import civicgrid.support.OtherNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timers across nodes and restarts: a second node joins the same database and races the first for
 * due timers, is stopped, and a third node starts; every light fires exactly once.
 */
class TimerClusterTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private ConfigurableApplicationContext node() {
        return OtherNode.start(dataSource);
    }

    private long count(String id, String action) {
        Long n = jdbc.queryForObject("select count(*) from cases.case_event where case_id = ?::uuid and action = ?", Long.class, id, action);
        return n == null ? 0 : n;
    }

    private void awaitAll(List<String> ids, String action) throws InterruptedException {
        for (int i = 0; i < 150 && ids.stream().anyMatch(id -> count(id, action) == 0); i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void everyLightFiresExactlyOnceAcrossNodesAndRestarts() throws Exception {
        Point p = geo.model().node("500104001009002").orElseThrow().geometry().getInteriorPoint();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(postJson("/api/v1/cases", "citizen", "{\"category\":\"E0101\",\"description\":\"timer " + i + "\",\"lon\":"
                    + p.getX() + ",\"lat\":" + p.getY() + "}").json().get("id").asString());
        }
        try (ConfigurableApplicationContext second = node()) {
            assertThat(second.getBean(GeoApi.class).count(civicgrid.geo.TerritoryLevel.DISTRICT)).isEqualTo(38);
            for (String id : ids) {
                scheduler.reschedule(CaseTimers.STAGE_LIGHT.instanceId(id + "-1-Y"), Instant.now());
            }
            awaitAll(ids, "WARN");
        }
        for (String id : ids) {
            assertThat(count(id, "WARN")).as("yellow of %s, two nodes racing", id).isEqualTo(1);
        }
        // the second node is gone; the red lights become due while it is down and a third node starts
        for (String id : ids) {
            for (int i = 0; i < 50 && jdbc.queryForList("select 1 from scheduled_tasks where task_instance = ?", id + "-1-R").isEmpty(); i++) {
                Thread.sleep(100);
            }
            scheduler.reschedule(CaseTimers.STAGE_LIGHT.instanceId(id + "-1-R"), Instant.now().plusSeconds(1));
        }
        try (ConfigurableApplicationContext third = node()) {
            awaitAll(ids, "OVERDUE");
        }
        for (String id : ids) {
            assertThat(count(id, "OVERDUE")).as("red of %s after the restart", id).isEqualTo(1);
            assertThat(count(id, "WARN")).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("select task_instance from scheduled_tasks where task_instance like ?", String.class,
                ids.get(0) + "%")).as("nothing left pending for an overdue stage").isEmpty();
    }
}
