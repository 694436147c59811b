package civicgrid.response;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.support.EventStream;
import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Incidents live: their changes on the consoles' streams (scoped like cases), a wristband's alarm
 * that starts the lone elderly plan by itself, the posts' queues as a query and the responder's
 * confirm / on my way / arrived with the times recorded.
 */
class ResponseLiveTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    GeoApi geo;
    @Autowired
    JdbcTemplate jdbc;

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private String loneElderlyCase(String grid) {
        TerritoryUnit g = geo.requireUnit(UnitCode.of(grid));
        Response created = postJson("/api/v1/cases", "xinshancun", "{\"category\":\"E0606\",\"description\":\"独居老人多日未出门\",\"lon\":"
                + g.centroidLon() + ",\"lat\":" + g.centroidLat() + ",\"urgent\":true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode start(String user, String caseId, String plan) {
        Response started = postJson("/api/v1/incidents", user, "{\"caseId\":\"" + caseId + "\",\"planCode\":\"" + plan + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json();
    }

    private static JsonNode task(JsonNode incident, String step) {
        return list(incident.get("tasks")).stream().filter(t -> t.get("step").asString().equals(step)).findFirst().orElseThrow();
    }

    @Test
    void startingAndChangingAnIncidentReachesTheStreamsOfItsTerritoryOnly() throws Exception {
        EventStream street = EventStream.open(url(""), "xinshancun");
        EventStream community = EventStream.open(url(""), "community");
        EventStream otherStreet = EventStream.open(url(""), "ciqikou");
        JsonNode incident = start("xinshancun", loneElderlyCase("500104001001001"), "XSC-LONE-ELDERLY");
        String id = incident.get("id").asString();

        String started = street.await(l -> l.contains(id), PATIENCE);
        assertThat(started).as("the street's console hears the start").contains("\"action\":\"RESPONDER_PROPOSED\"")
                .contains("500104001001:COMMUNITY").contains("\"unconfirmed\":4").contains("\"gridCode\":\"500104001001001\"");
        assertThat(community.await(l -> l.contains(id), PATIENCE)).as("the community's phones hear it too").isNotNull();

        Response accepted = postJson("/api/v1/incidents/" + id + "/tasks/" + task(incident, "GRID_VISIT").get("id").asString() + "/accept",
                "community", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(street.await(l -> l.contains(id) && l.contains("TASK_ACCEPTED"), PATIENCE)).contains("\"unconfirmed\":3");
        // a barrier in the other street: its console heard that, and nothing of 新山村's incident before it
        JsonNode crowd = start("ciqikou", crowdCase(), "CQK-CROWD-STAMPEDE");
        List<String> seen = otherStreet.until(l -> l.contains(crowd.get("id").asString()), PATIENCE);
        assertThat(seen).noneMatch(l -> l.contains(id));
    }

    private String crowdCase() {
        TerritoryUnit g = geo.requireUnit(UnitCode.of("500106004"));
        Response created = postJson("/api/v1/cases", "ciqikou", "{\"category\":\"E0411\",\"description\":\"古镇人群聚集\",\"lon\":"
                + g.centroidLon() + ",\"lat\":" + g.centroidLat() + ",\"urgent\":true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void aPostsQueueHoldsItsOwnOpenTasksOnly() {
        JsonNode incident = start("xinshancun", loneElderlyCase("500104001001002"), "XSC-LONE-ELDERLY");
        String id = incident.get("id").asString();
        List<JsonNode> mine = list(get("/api/v1/response/tasks", "community").json()).stream()
                .filter(r -> r.get("incidentId").asString().equals(id)).toList();
        assertThat(mine).extracting(r -> r.get("task").get("step").asString()).containsExactly("GRID_VISIT");
        assertThat(mine.get(0).get("planNameZh").asString()).isNotBlank();
        // the department handler of sanitation holds nothing of this plan; the other street sees none of it
        assertThat(list(get("/api/v1/response/tasks", "sanitation.dadukou").json())).noneMatch(r -> r.get("incidentId").asString().equals(id));
        assertThat(list(get("/api/v1/response/tasks", "ciqikou").json())).noneMatch(r -> r.get("incidentId").asString().equals(id));
        // the street's center holds every open task of its street
        assertThat(list(get("/api/v1/response/tasks", "xinshancun").json()).stream().filter(r -> r.get("incidentId").asString().equals(id)))
                .hasSize(4);
        // done: gone from the community's queue
        String visit = task(incident, "GRID_VISIT").get("id").asString();
        assertThat(postJson("/api/v1/incidents/" + id + "/tasks/" + visit + "/done", "community", "{\"note\":\"已上门\"}").status()).isEqualTo(200);
        assertThat(list(get("/api/v1/response/tasks", "community").json()).stream().filter(r -> r.get("incidentId").asString().equals(id))
                .map(r -> r.get("task").get("step").asString())).containsExactly("FAMILY_NOTICE");
    }

    @Test
    void theRespondersPhoneConfirmsSetsOffAndArrivesWithTheTimesRecorded() {
        JsonNode incident = start("xinshancun", loneElderlyCase("500104001001001"), "XSC-LONE-ELDERLY");
        String id = incident.get("id").asString();
        JsonNode mine = list(get("/api/v1/response/proposals", "gridworker").json()).stream()
                .filter(r -> r.get("incidentId").asString().equals(id)).findFirst().orElseThrow();
        assertThat(mine.get("responder").get("memberId").asString()).isEqualTo("XSC-C-01-00");
        assertThat(mine.get("responder").get("state").asString()).isEqualTo("PROPOSED");
        assertThat(list(get("/api/v1/response/proposals", "xinshancun").json())).as("not a unit member").isEmpty();

        String base = "/api/v1/incidents/" + id + "/responders/XSC-C-01-00/";
        assertThat(postJson(base + "confirm", "gridworker", "").status()).isEqualTo(200);
        JsonNode onTheWay = postJson(base + "on-the-way", "gridworker", "").json();
        assertThat(responder(onTheWay, "XSC-C-01-00").get("state").asString()).isEqualTo("ON_THE_WAY");
        assertThat(responder(onTheWay, "XSC-C-01-00").get("onTheWayAt").asString()).isNotBlank();
        Response twice = postJson(base + "on-the-way", "gridworker", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("RESPONDER_ALREADY_ON_THE_WAY");
        JsonNode arrived = postJson(base + "arrived", "gridworker", "").json();
        JsonNode me = responder(arrived, "XSC-C-01-00");
        assertThat(me.get("state").asString()).isEqualTo("ARRIVED");
        assertThat(me.get("arrivalSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(list(arrived.get("log"))).extracting(e -> e.get("kind").asString())
                .containsSubsequence("RESPONDER_CONFIRMED", "RESPONDER_ON_THE_WAY", "RESPONDER_ARRIVED");
        // another unit's member is not the grid worker's to move
        JsonNode other = list(arrived.get("responders")).stream().filter(r -> !r.get("unitCode").asString().equals("XSC-C-01"))
                .findFirst().orElseThrow();
        Response refused = postJson("/api/v1/incidents/" + id + "/responders/" + other.get("memberId").asString() + "/on-the-way",
                "gridworker", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("NOT_YOUR_UNIT");
    }

    private static JsonNode responder(JsonNode incident, String memberId) {
        return list(incident.get("responders")).stream().filter(r -> r.get("memberId").asString().equals(memberId)).findFirst().orElseThrow();
    }

    @Test
    void aWristbandsLowHeartRateStartsTheLoneElderlyPlanByItselfWithMembersWithinFiveMinutes() throws Exception {
        EventStream street = EventStream.open(url(""), "xinshancun");
        TerritoryUnit grid = geo.requireUnit(UnitCode.of("500104001001001"));
        String device = "it-wristband-" + UUID.randomUUID().toString().substring(0, 8);
        String token = "it-wristband-token-" + UUID.randomUUID();
        Response registered = postJson("/api/v1/devices", "xinshancun", "{\"id\":\"" + device + "\",\"name\":\"独居老人手环\",\"profile\":\"WRISTBAND\","
                + "\"lon\":" + grid.centroidLon() + ",\"lat\":" + grid.centroidLat() + ",\"owner\":\"新山村社区\",\"token\":\"" + token + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        Response ingest = send(HttpRequest.newBuilder(URI.create(url("/api/v1/devices/" + device + "/telemetry")))
                .header("Content-Type", "application/json").header("X-Device-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"values\":{\"hr\":32}}")).build());
        assertThat(ingest.status()).as(ingest.body()).isIn(200, 202, 204);

        String caseId = null;
        for (int i = 0; i < 150 && caseId == null; i++) {
            List<String> cases = jdbc.queryForList("select case_id::text from sensing.alarm where device_id = ? and case_id is not null",
                    String.class, device);
            caseId = cases.isEmpty() ? null : cases.get(0);
            if (caseId == null) {
                Thread.sleep(100);
            }
        }
        assertThat(caseId).as("the alarm opened a case").isNotNull();
        String opened = caseId;
        JsonNode incident = null;
        for (int i = 0; i < 100 && incident == null; i++) {
            incident = list(get("/api/v1/incidents?state=OPEN", "xinshancun").json()).stream()
                    .filter(x -> x.get("caseId").asString().equals(opened)).findFirst().orElse(null);
            if (incident == null) {
                Thread.sleep(100);
            }
        }
        assertThat(incident).as("the plan started by itself on the alarm's case").isNotNull();
        assertThat(incident.get("planCode").asString()).isEqualTo("XSC-LONE-ELDERLY");
        assertThat(list(incident.get("log")).get(0).get("actor").asString()).isEqualTo("system");
        List<JsonNode> responders = list(incident.get("responders"));
        assertThat(responders).isNotEmpty().allSatisfy(r -> assertThat(r.get("walkingMinutes").asDouble()).isLessThanOrEqualTo(5.0));
        assertThat(responders).extracting(r -> r.get("memberId").asString()).contains("XSC-C-01-00");
        assertThat(list(incident.get("tasks")).stream().filter(t -> t.get("state").asString().equals("OPEN"))).hasSize(4);
        String id = incident.get("id").asString();
        assertThat(street.await(l -> l.contains(id), PATIENCE)).as("on the street's console").isNotNull();
        assertThat(jdbc.queryForObject("select actor from audit.entry where target_type = 'INCIDENT' and target_id = ? and action = 'INCIDENT_STARTED'",
                String.class, id)).isEqualTo("system");
    }
}
