package civicgrid.response;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.support.EventStream;
import civicgrid.support.IntegrationTest;
import civicgrid.support.OtherNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An incident whose step deadlines are pending when its node goes away: the node's timers stop
 * (its scheduler paused, as if it were down), another node starts on the same database and fires
 * every due step once, a task done there schedules its follow-up's timer, and when the first node
 * comes back nothing fires a second time and nothing is left pending.
 */
class ResponseRestartTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scheduler scheduler;

    private long escalations(String id, String step) {
        Long n = jdbc.queryForObject("select count(*) from response.incident, jsonb_array_elements(doc -> 'log') e where id = ?::uuid"
                + " and e ->> 'kind' = 'ESCALATED' and e ->> 'step' = ?", Long.class, id, step);
        return n == null ? 0 : n;
    }

    private void awaitEscalated(String id, String... steps) throws InterruptedException {
        for (int i = 0; i < 200 && List.of(steps).stream().anyMatch(s -> escalations(id, s) == 0); i++) {
            Thread.sleep(100);
        }
    }

    private long pending(String id) {
        Long n = jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'response-step-deadline' and task_instance like ?",
                Long.class, id + "-%");
        return n == null ? 0 : n;
    }

    @Test
    void pendingStepDeadlinesSurviveTheNodeGoingAwayAndFireOnceEach() throws Exception {
        Response saved = postJson("/api/v1/response/plans", "xinshancun", """
                {"code":"XSC-DRILL-RESTART","nameZh":"重启演练","nameEn":"Restart drill","territoryCode":"500104001","escalationTarget":"DISTRICT",
                 "trigger":{"categories":["E0606"],"manual":true},
                 "steps":[{"code":"FIRST","nameZh":"第一步","post":"GENERAL_COORDINATION","deadline":{"clock":"URGENT_HOURS","amount":0.001}},
                          {"code":"SECOND","nameZh":"第二步","department":"EMERGENCY","deadline":{"clock":"URGENT_HOURS","amount":0.001}},
                          {"code":"THEN","nameZh":"随后","post":"GENERAL_COORDINATION","deadline":{"clock":"URGENT_HOURS","amount":0.001},
                           "after":["FIRST"]}],
                 "checklist":[]}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        TerritoryUnit grid = geo.requireUnit(UnitCode.of("500104001009002"));
        Response created = postJson("/api/v1/cases", "xinshancun", "{\"category\":\"E0606\",\"description\":\"重启演练\",\"lon\":"
                + grid.centroidLon() + ",\"lat\":" + grid.centroidLat() + ",\"urgent\":true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        scheduler.pause(); // this node is "down" for its timers from here on
        String id;
        try {
            Response started = postJson("/api/v1/incidents", "xinshancun", "{\"caseId\":\"" + created.json().get("id").asString()
                    + "\",\"planCode\":\"XSC-DRILL-RESTART\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            id = started.json().get("id").asString();
            assertThat(pending(id)).as("FIRST and SECOND, due at the same time, wait in the database as one timer").isEqualTo(1);
            Thread.sleep(4000); // both deadlines (3.6 s) pass while nobody runs timers
            assertThat(escalations(id, "FIRST") + escalations(id, "SECOND")).isZero();

            try (ConfigurableApplicationContext restarted = OtherNode.start(dataSource)) {
                awaitEscalated(id, "FIRST", "SECOND");
                assertThat(escalations(id, "FIRST")).as("FIRST fired on the new node").isEqualTo(1);
                assertThat(escalations(id, "SECOND")).isEqualTo(1);
                // work goes on on the new node: FIRST done opens THEN, whose timer the new node sets and fires
                JsonNode incident = get("/api/v1/incidents/" + id, "xinshancun").json();
                String first = null;
                List<JsonNode> tasks = new ArrayList<>();
                incident.get("tasks").forEach(tasks::add);
                for (JsonNode t : tasks) {
                    if (t.get("step").asString().equals("FIRST")) {
                        first = t.get("id").asString();
                    }
                }
                EventStream streetHere = EventStream.open(url(""), "xinshancun");
                Response done = send(HttpRequest.newBuilder(URI.create(OtherNode.baseUrl(restarted) + "/api/v1/incidents/" + id + "/tasks/"
                        + first + "/done")).header("Authorization", basic("xinshancun", "demo")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
                assertThat(done.status()).as(done.body()).isEqualTo(200);
                String incidentId = id;
                assertThat(streetHere.await(l -> l.contains(incidentId) && l.contains("TASK_STARTED"), Duration.ofSeconds(10)))
                        .as("the change made on the new node reaches this node's consoles (cluster relay)").isNotNull();
                awaitEscalated(id, "THEN");
                assertThat(escalations(id, "THEN")).isEqualTo(1);
            }
        } finally {
            scheduler.resume();
        }
        Thread.sleep(2000); // the first node is back and polls its timers
        assertThat(escalations(id, "FIRST")).as("no step fires twice").isEqualTo(1);
        assertThat(escalations(id, "SECOND")).isEqualTo(1);
        assertThat(escalations(id, "THEN")).isEqualTo(1);
        assertThat(pending(id)).as("none left pending, none lost").isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit.entry where target_type = 'INCIDENT' and target_id = ? and action = "
                + "'INCIDENT_STEP_ESCALATED'", Long.class, id)).isEqualTo(3);
    }
}
