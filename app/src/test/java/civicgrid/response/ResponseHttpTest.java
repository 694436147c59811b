package civicgrid.response;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.PersonalData;
import civicgrid.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Emergency response over HTTP: the crowd scenario in 磁器口, responders in 新山村, and refusals. */
class ResponseHttpTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GeoApi geo;

    private static void problem(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("code").asString()).isEqualTo(code);
    }

    private String crowdCaseFromTheCamera() {
        double[] at = jdbc.queryForObject("select lon, lat from intake.camera where id = 'cam-cqk-001'",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)});
        String body = "{\"alertId\":\"cqk-crowd-" + UUID.randomUUID() + "\",\"cameraId\":\"cam-cqk-001\",\"algorithm\":\"CROWD_GATHERING\","
                + "\"ts\":\"" + OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0) + "\",\"lon\":" + at[0] + ",\"lat\":" + at[1]
                + ",\"confidence\":0.95}";
        Response alert = postJsonWithKey("/api/v1/video-alerts", "demo-video-key", body);
        assertThat(alert.status()).as(alert.body()).isIn(200, 201);
        return alert.json().get("caseId").asString();
    }

    private String start(String user, String caseId, String plan) {
        Response started = postJson("/api/v1/incidents", user, "{\"caseId\":\"" + caseId + "\",\"planCode\":\"" + plan + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static JsonNode task(JsonNode incident, String step) {
        return list(incident.get("tasks")).stream().filter(t -> t.get("step").asString().equals(step)).findFirst().orElseThrow();
    }

    @Test
    void aCrowdSeenByTheCameraStartsTheDisputePlanSixPostsAtOnceOneUpToTheDistrictAndClosesWithItsLog() {
        String caseId = crowdCaseFromTheCamera();
        // the grid worker of the camera's grid verifies it on site
        String grid = get("/api/v1/cases/" + caseId, "ciqikou").json().get("place").get("gridCode").asString();
        String worker = "cqk.gw." + UUID.randomUUID().toString().substring(0, 8);
        Response account = postJson("/api/v1/identity/users", "admin", "{\"username\":\"" + worker + "\",\"password\":\"secret-123\","
                + "\"displayName\":\"磁器口网格员\",\"role\":\"GRID_WORKER\",\"scope\":[\"" + grid + "\"],\"phone\":\"13912345670\"}");
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        Response verified = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/cases/" + caseId + "/actions/verify")))
                .header("Authorization", basic(worker, "secret-123")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("urgent").asBoolean()).isTrue();
        assertThat(verified.json().get("category").get("code").asString()).isEqualTo("E0411");
        // the case desk offers the plans whose trigger matches the case
        assertThat(list(get("/api/v1/response/plans?caseId=" + caseId, "ciqikou").json())).extracting(p -> p.get("code").asString())
                .contains("CQK-TOURIST-DISPUTE", "CQK-CROWD-STAMPEDE").doesNotContain("CQK-OLD-TOWN-FIRE", "CQK-FLOOD-CONTROL");
        problem(get("/api/v1/response/plans?caseId=" + caseId, "xinshancun"), 403, "OUT_OF_SCOPE");

        JsonNode plans = get("/api/v1/response/plans", "ciqikou").json();
        JsonNode dispute = list(plans).stream().filter(p -> p.get("code").asString().equals("CQK-TOURIST-DISPUTE")).findFirst().orElseThrow();
        assertThat(dispute.get("nameZh").asString()).isEqualTo("重大旅游消费纠纷处置预案");
        assertThat(dispute.get("territoryCode").asString()).isEqualTo("500106004");
        assertThat(dispute.get("version").asInt()).isPositive();
        assertThat(dispute.get("steps").size()).isEqualTo(7);
        assertThat(list(get("/api/v1/response/plans", "xinshancun").json())).extracting(p -> p.get("code").asString())
                .contains("XSC-LONE-ELDERLY").doesNotContain("CQK-TOURIST-DISPUTE");

        // the street of 新山村 may not start a plan on a case of 磁器口
        problem(postJson("/api/v1/incidents", "xinshancun", "{\"caseId\":\"" + caseId + "\",\"planCode\":\"CQK-TOURIST-DISPUTE\"}"), 403,
                "OUT_OF_SCOPE");
        problem(postJson("/api/v1/incidents", "ciqikou", "{\"caseId\":\"" + caseId + "\",\"planCode\":\"NO-SUCH-PLAN\"}"), 404, "UNKNOWN_PLAN");

        String id = start("ciqikou", caseId, "CQK-TOURIST-DISPUTE");
        problem(postJson("/api/v1/incidents", "ciqikou", "{\"caseId\":\"" + caseId + "\",\"planCode\":\"CQK-TOURIST-DISPUTE\"}"), 409,
                "INCIDENT_RUNNING");
        JsonNode incident = get("/api/v1/incidents/" + id, "ciqikou").json();
        assertThat(incident.get("state").asString()).isEqualTo("OPEN");
        assertThat(incident.get("planCode").asString()).isEqualTo("CQK-TOURIST-DISPUTE");
        assertThat(incident.get("planVersion").asInt()).isEqualTo(dispute.get("version").asInt());
        assertThat(incident.get("caseId").asString()).isEqualTo(caseId);
        List<JsonNode> open = list(incident.get("tasks")).stream().filter(t -> t.get("state").asString().equals("OPEN")).toList();
        assertThat(open).hasSize(6);
        assertThat(open).extracting(t -> t.get("post").asString()).containsExactlyInAnyOrder("PARTY_BUILDING", "URBAN_MANAGEMENT",
                "COMPREHENSIVE_ENFORCEMENT", "MARKET", "ECONOMIC_SERVICE", "POLICE");
        assertThat(open).allSatisfy(t -> assertThat(t.get("deadline").asString()).isNotBlank());
        assertThat(task(incident, "FOLLOW_UP").get("state").asString()).isEqualTo("WAITING");
        assertThat(task(incident, "PUBLIC_SECURITY").get("escalatedTo").asString()).isEqualTo("500106");
        assertThat(task(incident, "PUBLIC_SECURITY").get("assignee").asString()).isEqualTo("500106:POLICE");
        assertThat(task(incident, "URBAN_ORDER").get("assignee").asString()).isEqualTo("500106004:URBAN_MANAGEMENT");
        assertThat(incident.get("responders").isArray()).isTrue();
        problem(get("/api/v1/incidents/" + id, "xinshancun"), 403, "OUT_OF_SCOPE");
        assertThat(list(get("/api/v1/incidents?state=OPEN", "ciqikou").json())).extracting(i -> i.get("id").asString()).contains(id);
        assertThat(list(get("/api/v1/incidents", "dadukou").json())).extracting(i -> i.get("id").asString()).doesNotContain(id);
        assertThat(list(get("/api/v1/incidents", "city").json())).extracting(i -> i.get("id").asString()).contains(id);

        // every task done (the center acts for its posts); the follow-up opens once mediation and security are done
        problem(postJson("/api/v1/incidents/" + id + "/close", "ciqikou", "{\"checklist\":[],\"summary\":\"x\"}"), 409, "TASKS_OPEN");
        for (JsonNode t : open) {
            Response done = postJson("/api/v1/incidents/" + id + "/tasks/" + t.get("id").asString() + "/done", "ciqikou",
                    "{\"note\":\"" + t.get("step").asString() + " 完成\"}");
            assertThat(done.status()).as(done.body()).isEqualTo(200);
        }
        incident = get("/api/v1/incidents/" + id, "ciqikou").json();
        JsonNode followUp = task(incident, "FOLLOW_UP");
        assertThat(followUp.get("state").asString()).isEqualTo("OPEN");
        assertThat(postJson("/api/v1/incidents/" + id + "/tasks/" + followUp.get("id").asString() + "/accept", "ciqikou", "").status())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/incidents/" + id + "/tasks/" + followUp.get("id").asString() + "/done", "ciqikou", "").status())
                .isEqualTo(200);
        problem(postJson("/api/v1/incidents/" + id + "/close", "ciqikou", "{\"checklist\":[\"PARTIES_AGREED\"],\"summary\":\"化解\"}"), 409,
                "CHECKLIST_INCOMPLETE");
        Response closed = postJson("/api/v1/incidents/" + id + "/close", "ciqikou",
                "{\"checklist\":[\"PARTIES_AGREED\",\"ORDER_RESTORED\",\"PUBLIC_STATEMENT\"],\"summary\":\"纠纷当场调解, 游客退款, 秩序恢复\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        incident = closed.json();
        assertThat(incident.get("state").asString()).isEqualTo("CLOSED");
        assertThat(incident.get("summary").asString()).isEqualTo("纠纷当场调解, 游客退款, 秩序恢复");
        List<JsonNode> log = list(incident.get("log"));
        assertThat(log).extracting(e -> e.get("seq").asInt()).isSorted().doesNotHaveDuplicates();
        assertThat(log.get(0).get("kind").asString()).isEqualTo("STARTED");
        // who acted by account for machines and by the name their account is shown by for people; the platform as stored
        assertThat(log.get(0).get("actor").asString()).isEqualTo("ciqikou");
        assertThat(log.get(0).get("actorName").asString()).isEqualTo("磁器口街道综合协调岗");
        log.stream().filter(e -> e.get("actor").asString().equals("system"))
                .forEach(e -> assertThat(e.get("actorName").asString()).isEqualTo("system"));
        assertThat(log.get(log.size() - 1).get("kind").asString()).isEqualTo("CLOSED");
        assertThat(log.stream().filter(e -> e.get("kind").asString().equals("TASK_STARTED"))).hasSize(7);
        assertThat(log.stream().filter(e -> e.get("kind").asString().equals("TASK_DONE"))).hasSize(7);
        assertThat(log.stream().filter(e -> e.get("kind").asString().equals("CHECKLIST_DONE"))).hasSize(3);
        assertThat(log.stream().filter(e -> e.get("kind").asString().equals("ESCALATED")).map(e -> e.get("step").asString()))
                .containsExactly("PUBLIC_SECURITY");
        assertThat(jdbc.queryForList("select action from audit.entry where target_type = 'INCIDENT' and target_id = ? order by id",
                String.class, id)).startsWith("INCIDENT_STARTED").endsWith("INCIDENT_CLOSED").contains("TASK_DONE", "TASK_ACCEPTED");
    }

    @Test
    void aStepWhoseDeadlinePassesGoesUpToTheDistrictOnce() throws Exception {
        String caseId = crowdCaseFromTheCamera();
        // a street's own plan with a step that runs out after 1.8 s
        Response saved = postJson("/api/v1/response/plans", "ciqikou", """
                {"code":"CQK-DRILL-FAST","nameZh":"快速演练","nameEn":"Fast drill","territoryCode":"500106004","escalationTarget":"DISTRICT",
                 "trigger":{"categories":["E0411"],"manual":true},
                 "steps":[{"code":"ORDER","nameZh":"秩序","post":"URBAN_MANAGEMENT","deadline":{"clock":"URGENT_HOURS","amount":0.0005}},
                          {"code":"SLOW","nameZh":"慢","post":"SAFETY_SUPERVISION","deadline":{"clock":"URGENT_HOURS","amount":24}}],
                 "checklist":[]}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("version").asInt()).isPositive();
        String id = start("ciqikou", caseId, "CQK-DRILL-FAST");
        JsonNode incident = get("/api/v1/incidents/" + id, "ciqikou").json();
        for (int i = 0; i < 200 && !task(incident, "ORDER").has("escalatedTo"); i++) {
            Thread.sleep(100);
            incident = get("/api/v1/incidents/" + id, "ciqikou").json();
        }
        assertThat(task(incident, "ORDER").get("escalatedTo").asString()).isEqualTo("500106");
        assertThat(task(incident, "SLOW").has("escalatedTo")).isFalse();
        List<JsonNode> escalations = list(incident.get("log")).stream().filter(e -> e.get("kind").asString().equals("ESCALATED")).toList();
        assertThat(escalations).hasSize(1);
        assertThat(escalations.get(0).get("actor").asString()).isEqualTo("system");
        assertThat(escalations.get(0).get("text").asString()).contains("deadline");
        // the timers are rows (they survive a restart and fire on one node): the fired one is gone, the running one waits
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'response-step-deadline' and task_instance = ?",
                Long.class, id + "-SLOW")).isEqualTo(1);
        // db-scheduler removes a fired one-time task's row just after its handler committed the escalation
        String firedRow = "select count(*) from scheduled_tasks where task_name = 'response-step-deadline' and task_instance = ?";
        for (int i = 0; i < 100 && jdbc.queryForObject(firedRow, Long.class, id + "-ORDER") > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject(firedRow, Long.class, id + "-ORDER")).isZero();
        assertThat(get("/api/v1/incidents/" + id, "city").status()).isEqualTo(200);
        // finishing the escalated task is still possible; its timer does not fire again
        Response done = postJson("/api/v1/incidents/" + id + "/tasks/" + task(incident, "ORDER").get("id").asString() + "/done", "ciqikou", "");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(list(done.json().get("log")).stream().filter(e -> e.get("kind").asString().equals("ESCALATED"))).hasSize(1);
    }

    @Test
    void aLoneElderlyCaseProposesMembersWithinFiveMinutesWhoConfirmForTheirOwnUnitOnly() {
        TerritoryUnit grid = geo.requireUnit(UnitCode.of("500104001001001"));
        Response created = postJson("/api/v1/cases", "xinshancun", "{\"category\":\"E0606\",\"description\":\"独居老人手环心率异常\",\"lon\":"
                + grid.centroidLon() + ",\"lat\":" + grid.centroidLat() + ",\"urgent\":true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = start("xinshancun", created.json().get("id").asString(), "XSC-LONE-ELDERLY");
        JsonNode incident = get("/api/v1/incidents/" + id, "xinshancun").json();
        List<JsonNode> responders = list(incident.get("responders"));
        assertThat(responders).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("walkingMinutes").asDouble()).isLessThanOrEqualTo(5.0);
            assertThat(r.get("ring").asInt()).isIn(1, 3, 5);
            assertThat(r.get("state").asString()).isEqualTo("PROPOSED");
            assertThat(r.get("memberId").asString()).isNotBlank();
        });
        assertThat(responders).extracting(r -> r.get("walkingMinutes").asDouble()).isSorted();
        JsonNode own = responders.stream().filter(r -> r.get("memberId").asString().equals("XSC-C-01-00")).findFirst().orElseThrow();
        assertThat(own.get("unitCode").asString()).isEqualTo("XSC-C-01");
        assertThat(own.get("ring").asInt()).isEqualTo(1);
        // names: clear for the street's center (its role sees personal data there), masked for the district's; the unit by name
        String name = jdbc.queryForObject("select name_zh from response.member where id = 'XSC-C-01-00'", String.class);
        String unit = jdbc.queryForObject("select name_zh from response.unit where code = 'XSC-C-01'", String.class);
        assertThat(own.get("name").asString()).isEqualTo(name);
        assertThat(own.get("unitName").asString()).isEqualTo(unit);
        JsonNode seenByDistrict = list(get("/api/v1/incidents/" + id, "dadukou").json().get("responders")).stream()
                .filter(r -> r.get("memberId").asString().equals("XSC-C-01-00")).findFirst().orElseThrow();
        assertThat(seenByDistrict.get("name").asString()).isEqualTo(PersonalData.maskName(name)).isNotEqualTo(name);
        assertThat(seenByDistrict.get("unitName").asString()).isEqualTo(unit);
        assertThat(seenByDistrict.get("memberId").asString()).isEqualTo("XSC-C-01-00");
        JsonNode other = responders.stream().filter(r -> !r.get("unitCode").asString().equals("XSC-C-01")).findFirst().orElseThrow();

        problem(postJson("/api/v1/incidents/" + id + "/responders/" + other.get("memberId").asString() + "/confirm", "gridworker", ""), 403,
                "NOT_YOUR_UNIT");
        assertThat(postJson("/api/v1/incidents/" + id + "/responders/XSC-C-01-00/confirm", "gridworker", "").json()
                .get("responders").toString()).contains("CONFIRMED");
        JsonNode arrived = postJson("/api/v1/incidents/" + id + "/responders/XSC-C-01-00/arrived", "gridworker", "").json();
        JsonNode me = list(arrived.get("responders")).stream().filter(r -> r.get("memberId").asString().equals("XSC-C-01-00"))
                .findFirst().orElseThrow();
        assertThat(me.get("state").asString()).isEqualTo("ARRIVED");
        assertThat(me.get("arrivedAt").asString()).isNotBlank();
        // the grid worker holds the community's task, not the district's ambulance task
        JsonNode ambulance = task(arrived, "AMBULANCE");
        problem(postJson("/api/v1/incidents/" + id + "/tasks/" + ambulance.get("id").asString() + "/done", "gridworker", ""), 403,
                "NOT_YOUR_TASK");
        assertThat(postJson("/api/v1/incidents/" + id + "/tasks/" + task(arrived, "GRID_VISIT").get("id").asString() + "/accept",
                "gridworker", "").status()).isEqualTo(200);
        assertThat(list(get("/api/v1/response/tasks", "gridworker").json())).extracting(r -> r.get("incidentId").asString()).contains(id);
        problem(postJson("/api/v1/incidents", "gridworker", "{\"caseId\":\"" + created.json().get("id").asString()
                + "\",\"planCode\":\"XSC-LONE-ELDERLY\"}"), 403, "ROLE_NOT_ALLOWED");
    }

    @Test
    void plansThatCannotRunAreRefusedNamingTheStep() {
        String head = "{\"code\":\"CQK-BROKEN\",\"nameZh\":\"坏预案\",\"territoryCode\":\"500106004\",\"escalationTarget\":\"DISTRICT\",\"steps\":[";
        Response cycle = postJson("/api/v1/response/plans", "ciqikou", head
                + "{\"code\":\"A\",\"post\":\"URBAN_MANAGEMENT\",\"deadline\":{\"clock\":\"URGENT_HOURS\",\"amount\":1},\"after\":[\"B\"]},"
                + "{\"code\":\"B\",\"department\":\"POLICE\",\"deadline\":{\"clock\":\"URGENT_HOURS\",\"amount\":1},\"after\":[\"A\"]}]}");
        problem(cycle, 400, "PLAN_CYCLE");
        assertThat(cycle.json().get("detail").asString()).containsAnyOf("Step A", "Step B");
        assertThat(cycle.json().get("step").asString()).isIn("A", "B");
        Response post = postJson("/api/v1/response/plans", "ciqikou", head
                + "{\"code\":\"TOURISM\",\"post\":\"TOURISM_BUREAU\",\"deadline\":{\"clock\":\"WORK_HOURS\",\"amount\":1}}]}");
        problem(post, 400, "UNKNOWN_POST");
        assertThat(post.json().get("detail").asString()).contains("TOURISM");
        Response dept = postJson("/api/v1/response/plans", "ciqikou", head
                + "{\"code\":\"PRESS\",\"department\":\"PROPAGANDA\",\"deadline\":{\"clock\":\"WORK_HOURS\",\"amount\":1}}]}");
        problem(dept, 400, "UNKNOWN_DEPARTMENT");
        Response noClock = postJson("/api/v1/response/plans", "ciqikou", head + "{\"code\":\"NO_CLOCK\",\"department\":\"POLICE\"}]}");
        problem(noClock, 400, "STEP_WITHOUT_DEADLINE");
        assertThat(noClock.json().get("detail").asString()).contains("NO_CLOCK");
        assertThat(noClock.json().get("step").asString()).isEqualTo("NO_CLOCK");
        assertThat(post.json().get("step").asString()).isEqualTo("TOURISM");
        // a street may not write another street's plans; a grid worker none at all
        problem(postJson("/api/v1/response/plans", "xinshancun", head
                + "{\"code\":\"A\",\"post\":\"URBAN_MANAGEMENT\",\"deadline\":{\"clock\":\"URGENT_HOURS\",\"amount\":1}}]}"), 403, "OUT_OF_SCOPE");
        problem(postJson("/api/v1/response/plans", "gridworker", head + "]}"), 403, "ROLE_NOT_ALLOWED");
        assertThat(list(get("/api/v1/response/plans", "ciqikou").json())).extracting(p -> p.get("code").asString())
                .doesNotContain("CQK-BROKEN");
        problem(get("/api/v1/incidents/not-a-uuid", "ciqikou"), 404, "NO_SUCH_INCIDENT");
        problem(postJson("/api/v1/incidents", "ciqikou", "{\"planCode\":\"CQK-TOURIST-DISPUTE\"}"), 400, "FIELD_REQUIRED");
        problem(postJson("/api/v1/incidents", "ciqikou", "{\"caseId\":\"nope\",\"planCode\":\"CQK-TOURIST-DISPUTE\"}"), 400, "INVALID_CASE_ID");
    }

    @Test
    void aPlanIsEditedByItsOwnCenterOrAnAdministratorAsNewVersionsWithItsHistory() {
        String code = "XSC-EDIT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String plan = "{\"code\":\"" + code + "\",\"nameZh\":\"编辑测试预案\",\"territoryCode\":\"500104001\",\"escalationTarget\":\"DISTRICT\","
                + "\"trigger\":{\"categories\":[\"E0606\"],\"manual\":true},\"steps\":[";
        String one = "{\"code\":\"VISIT\",\"nameZh\":\"上门\",\"department\":\"COMMUNITY\",\"deadline\":{\"clock\":\"URGENT_HOURS\",\"amount\":1}}";
        String two = one + ",{\"code\":\"REPORT\",\"nameZh\":\"报告\",\"post\":\"SOCIAL_AFFAIRS\",\"deadline\":{\"clock\":\"WORK_DAYS\","
                + "\"amount\":1},\"after\":[\"VISIT\"]}";
        Response first = postJson("/api/v1/response/plans", "xinshancun", plan + one + "]}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        // the district center does not own a street's plan; the city center neither; an administrator edits every plan
        problem(postJson("/api/v1/response/plans", "dadukou", plan + two + "]}"), 403, "OUT_OF_SCOPE");
        problem(postJson("/api/v1/response/plans", "city", plan + two + "]}"), 403, "OUT_OF_SCOPE");
        Response second = postJson("/api/v1/response/plans", "admin", plan + two + "],\"baseVersion\":1}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        // an editor who started from version 1 does not overwrite version 2
        problem(postJson("/api/v1/response/plans", "xinshancun", plan + one + "],\"baseVersion\":1}"), 409, "PLAN_CHANGED");
        // a plan keeps its territory: another street's center may not take the code over, nor may the owner move it
        problem(postJson("/api/v1/response/plans", "ciqikou", plan.replace("500104001", "500106004") + one + "]}"), 400,
                "PLAN_TERRITORY_FIXED");
        problem(postJson("/api/v1/response/plans", "admin", plan.replace("500104001", "500104001001") + one + "]}"), 400,
                "PLAN_TERRITORY_FIXED");

        List<JsonNode> versions = list(get("/api/v1/response/plans/" + code + "/versions", "xinshancun").json());
        assertThat(versions).extracting(v -> v.get("version").asInt()).containsExactly(2, 1);
        assertThat(versions).extracting(v -> v.get("createdBy").asString()).containsExactly("admin", "xinshancun");
        assertThat(versions).extracting(v -> v.get("createdByName").asString()).containsExactly("系统管理员", "新山村街道综合协调岗");
        assertThat(versions).extracting(v -> v.get("steps").asInt()).containsExactly(2, 1);
        assertThat(get("/api/v1/response/plans/" + code + "/versions/1", "xinshancun").json().get("steps")).hasSize(1);
        assertThat(get("/api/v1/response/plans/" + code, "xinshancun").json().get("steps")).hasSize(2);
        problem(get("/api/v1/response/plans/" + code + "/versions/9", "xinshancun"), 404, "UNKNOWN_PLAN_VERSION");
        problem(get("/api/v1/response/plans/" + code + "/versions", "ciqikou"), 403, "OUT_OF_SCOPE");
        assertThat(jdbc.queryForObject("select count(*) from audit.entry where action = 'PLAN_SAVED' and target_id = ?", Long.class, code))
                .isEqualTo(2);
    }
}
