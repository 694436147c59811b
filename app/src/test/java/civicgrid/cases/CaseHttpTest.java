package civicgrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.app.CaseWorkflow;
import civicgrid.cases.deadline.CaseTimers;
import civicgrid.geo.GeoApi;
import civicgrid.support.IntegrationTest;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Integrity, scope, duplicates, queues, bad input and timers of the case API. */
class CaseHttpTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    CaseWorkflow workflow;

    private Point in(String grid) {
        return geo.model().node(grid).orElseThrow().geometry().getInteriorPoint();
    }

    private String body(String category, Point p, String text) {
        return "{\"category\":\"" + category + "\",\"description\":\"" + text + "\",\"lon\":" + p.getX() + ",\"lat\":" + p.getY()
                + ",\"channel\":\"CITIZEN\"}";
    }

    private Response report(String user, String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/v1/cases"))).header("Content-Type", "application/json")
                .header("Authorization", basic(user, "demo")).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return send(b.build());
    }

    @Test
    void aReplayedReportWithTheSameKeyCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        String body = body("E0102", in("500104001004002"), "道路上有积存垃圾渣土");
        Response first = report("citizen", body, key);
        Response again = report("citizen", body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        Integer rows = jdbc.queryForObject("select count(*) from cases.idempotency_key where key = ?", Integer.class, key);
        assertThat(rows).isEqualTo(1);
        assertThat(report("citizen", body, "x".repeat(101)).json().get("code").asString()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    void twoPeopleActingAtOnceOneWinsTheOtherGets409() throws Exception {
        String id = report("citizen", body("E0103", in("500104001001001"), "楼道里乱堆杂物"), null).json().get("id").asString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Response>> both = List.of(() -> postJson("/api/v1/cases/" + id + "/actions/verify", "gridworker", "{}"),
                    () -> postJson("/api/v1/cases/" + id + "/actions/verify", "xinshancun", "{}"));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(both)) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        JsonNode now = get("/api/v1/cases/" + id, "xinshancun").json();
        long seen = now.get("version").asLong();
        Response stale = postJson("/api/v1/cases/" + id + "/actions/register", "xinshancun", "{\"expectedVersion\":" + (seen - 1) + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("STALE_VERSION");
        List<JsonNode> history = new ArrayList<>();
        get("/api/v1/cases/" + id + "/history", "xinshancun").json().forEach(history::add);
        assertThat(history).filteredOn(e -> e.get("action").asString().equals("VERIFY")).hasSize(1);
    }

    @Test
    void anotherStreetCannotSeeOrTouchTheCase() {
        String id = report("citizen", body("E0101", in("500104001001002"), "垃圾"), null).json().get("id").asString();
        Response read = get("/api/v1/cases/" + id, "ciqikou");
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(postJson("/api/v1/cases/" + id + "/actions/verify", "ciqikou", "{}").json().get("code").asString())
                .isEqualTo("OUT_OF_SCOPE");
        assertThat(postJson("/api/v1/cases/" + id + "/actions/verify", "leader", "{}").json().get("code").asString())
                .isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(postJson("/api/v1/cases/" + id + "/actions/close", "xinshancun", "{}").json().get("code").asString())
                .isEqualTo("INVALID_TRANSITION");
        assertThat(get("/api/v1/cases/" + id, "citizen").status()).as("the reporter follows it").isEqualTo(200);
        assertThat(get("/api/v1/cases?queue=team", "citizen").status()).isEqualTo(403);
    }

    @Test
    void theHistoryNamesStaffByTheirPostAndMasksAResidentsNameForRolesThatDoNotCallResidents() {
        String id = report("citizen", body("E0101", in("500104001001002"), "垃圾没人清"), null).json().get("id").asString();
        assertThat(postJson("/api/v1/cases/" + id + "/actions/verify", "xinshancun", "{}").status()).isEqualTo(200);
        // the street center calls residents in its street: the reporter's name in clear
        JsonNode street = get("/api/v1/cases/" + id + "/history", "xinshancun").json();
        assertThat(step(street, "REPORT").get("actor").asString()).isEqualTo("citizen");
        assertThat(step(street, "REPORT").get("actor_name").asString()).isEqualTo("市民张先生");
        assertThat(step(street, "VERIFY").get("actor_name").asString()).isEqualTo("新山村街道综合协调岗");
        // the district center does not: the resident masked, the staff by their post (not personal data)
        JsonNode district = get("/api/v1/cases/" + id + "/history", "dadukou").json();
        assertThat(step(district, "REPORT").get("actor_name").asString()).isEqualTo("市****");
        assertThat(step(district, "VERIFY").get("actor_name").asString()).isEqualTo("新山村街道综合协调岗");
        assertThat(get("/api/v1/cases/" + id + "/history", "ciqikou").status()).as("not across territories").isEqualTo(403);
    }

    private static JsonNode step(JsonNode history, String action) {
        return history.valueStream().filter(e -> e.get("action").asString().equals(action)).findFirst().orElseThrow();
    }

    @Test
    void aNearbyReportOfTheSameKindIsProposedAsDuplicateAndMergingKeepsBothReporters() {
        Point p = in("500104001008003");
        String first = report("citizen", body("E0104", p, "垃圾桶满溢"), null).json().get("id").asString();
        String nearby = "{\"category\":\"E0104\",\"description\":\"这里垃圾桶满了\",\"lon\":" + (p.getX() + 0.0005) + ",\"lat\":"
                + p.getY() + ",\"channel\":\"GRID_WORKER\"}";
        Response second = report("gridworker", nearby, null);
        JsonNode suggestions = second.json().get("duplicateSuggestions");
        assertThat(suggestions.size()).isEqualTo(1);
        assertThat(suggestions.get(0).get("id").asString()).isEqualTo(first);
        assertThat(suggestions.get(0).get("distanceMeters").asDouble()).isBetween(40.0, 60.0);
        String farAway = "{\"category\":\"E0104\",\"description\":\"远处\",\"lon\":" + (p.getX() + 0.01) + ",\"lat\":" + p.getY() + "}";
        Response far = report("xinshancun", farAway, null);
        if (far.status() == 201) {
            assertThat(far.json().get("duplicateSuggestions").toString()).doesNotContain(first);
        }
        String secondId = second.json().get("id").asString();
        assertThat(postJson("/api/v1/cases/" + secondId + "/actions/merge", "xinshancun", "{\"mergeInto\":\"" + first + "\"}")
                .json().get("code").asString()).isEqualTo("REASON_REQUIRED");
        JsonNode merged = postJson("/api/v1/cases/" + secondId + "/actions/merge", "xinshancun",
                "{\"mergeInto\":\"" + first + "\",\"reason\":\"同一处垃圾桶\"}").json();
        assertThat(merged.get("state").asString()).isEqualTo("MERGED");
        assertThat(merged.get("mergedInto").asString()).isEqualTo(first);
        JsonNode reporters = get("/api/v1/cases/" + first + "/reporters", "xinshancun").json();
        assertThat(reporters.toString()).contains("citizen").contains("gridworker");
    }

    @Test
    void queuesShowUrgentFirstAndStayInTheTerritory() {
        Point p = in("500104001009001");
        report("xinshancun", body("E0105", p, "普通"), null);
        String urgent = "{\"category\":\"C0101\",\"description\":\"井盖缺失很危险\",\"lon\":" + p.getX() + ",\"lat\":" + p.getY()
                + ",\"urgent\":true,\"channel\":\"HOTLINE_12345\"}";
        String urgentId = report("xinshancun", urgent, null).json().get("id").asString();
        JsonNode team = get("/api/v1/cases?queue=team&size=5", "xinshancun").json();
        assertThat(team.get("items").get(0).get("id").asString()).as("urgent pinned on top").isEqualTo(urgentId);
        assertThat(team.get("total").asLong()).isGreaterThanOrEqualTo(2);
        team.get("items").forEach(i -> assertThat(i.get("place").get("streetCode").asString()).isEqualTo("500104001"));
        JsonNode urgentOnly = get("/api/v1/cases?queue=urgent", "dadukou").json();
        urgentOnly.get("items").forEach(i -> assertThat(i.get("urgent").asBoolean()).isTrue());
        assertThat(get("/api/v1/cases?queue=team", "ciqikou").json().toString()).doesNotContain(urgentId);
        JsonNode verifiedOnly = get("/api/v1/cases?queue=team&state=REPORTED&size=200", "xinshancun").json();
        verifiedOnly.get("items").forEach(i -> assertThat(i.get("state").asString()).isEqualTo("REPORTED"));
    }

    @Test
    void aHotlineWorkOrderIsRegisteredAndDispatchedOnIntake() {
        Point p = in("500104001004004");
        String order = "{\"category\":\"E0101\",\"description\":\"12345转办：小区门口垃圾堆积\",\"lon\":" + p.getX() + ",\"lat\":"
                + p.getY() + ",\"channel\":\"HOTLINE_12345\"}";
        JsonNode created = report("xinshancun", order, null).json();
        assertThat(created.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(created.get("assignment").asString()).isEqualTo("500104:SANITATION");
        List<String> trail = new ArrayList<>();
        get("/api/v1/cases/" + created.get("id").asString() + "/history", "xinshancun").json()
                .forEach(e -> trail.add(e.get("action").asString() + ":" + e.get("actor").asString()));
        assertThat(trail).containsExactly("REPORT:xinshancun", "REGISTER:system", "DISPATCH:system");
        String dispute = "{\"category\":\"E0706\",\"description\":\"征地拆迁纠纷\",\"lon\":" + p.getX() + ",\"lat\":" + p.getY()
                + ",\"channel\":\"HOTLINE_12345\"}";
        JsonNode manual = report("xinshancun", dispute, null).json();
        assertThat(manual.get("state").asString()).as("routing is not certain: the dispatcher decides").isEqualTo("REGISTERED");
        JsonNode suggestion = get("/api/v1/cases/" + manual.get("id").asString(), "xinshancun").json().get("routing");
        assertThat(suggestion.get("id").asString()).isEqualTo("500104001:STREET_GOVERNANCE");
        assertThat(suggestion.get("automatic").asBoolean()).isFalse();
    }

    @Test
    void badInputIsAClear4xx() {
        Point p = in("500104001001003");
        assertThat(report("citizen", body("Z9999", p, "x"), null).json().get("code").asString()).isEqualTo("UNKNOWN_CATEGORY");
        assertThat(report("citizen", "{\"category\":\"E0101\",\"description\":\"x\",\"lon\":116.4,\"lat\":39.9}", null).json()
                .get("code").asString()).isEqualTo("LOCATION_OUTSIDE_CITY");
        assertThat(report("citizen", "{\"category\":\"E0101\",\"description\":\"x\",\"lon\":500,\"lat\":39.9}", null).json()
                .get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(report("citizen", "{\"category\":\"E0101\",\"description\":\"\",\"lon\":106.4,\"lat\":29.3}", null).json()
                .get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(report("citizen", "{\"category\":\"E0101\",", null).json().get("code").asString()).isEqualTo("MALFORMED_BODY");
        assertThat(report("citizen", "{\"category\":\"E0101\",\"description\":\"x\",\"lon\":\"east\",\"lat\":29.3}", null).json()
                .get("code").asString()).isEqualTo("MALFORMED_BODY");
        assertThat(report("citizen", "{\"description\":\"x\",\"lon\":106.4,\"lat\":29.3}", null).json().get("code").asString())
                .isEqualTo("CATEGORY_REQUIRED");
        assertThat(get("/api/v1/cases/not-a-uuid", "city").json().get("code").asString()).isEqualTo("INVALID_CASE_ID");
        assertThat(get("/api/v1/cases/" + UUID.randomUUID(), "city").status()).isEqualTo(404);
        String id = report("citizen", body("E0101", p, "垃圾"), null).json().get("id").asString();
        assertThat(postJson("/api/v1/cases/" + id + "/actions/fly", "city", "{}").json().get("code").asString()).isEqualTo("UNKNOWN_ACTION");
        assertThat(postJson("/api/v1/cases/" + id + "/actions/overdue", "city", "{}").json().get("code").asString())
                .isEqualTo("UNKNOWN_ACTION");
        assertThat(postJson("/api/v1/cases/" + id + "/actions/evaluate", "citizen", "{\"rating\":\"great\"}").json().get("code")
                .asString()).isEqualTo("MALFORMED_BODY");
        assertThat(get("/api/v1/cases?queue=everything", "city").json().get("code").asString()).isEqualTo("UNKNOWN_QUEUE");
        assertThat(get("/api/v1/cases?size=1000", "city").json().get("code").asString()).isEqualTo("INVALID_PAGE");
        Response nothingHalfWritten = get("/api/v1/cases/" + id + "/history", "xinshancun");
        assertThat(nothingHalfWritten.json().size()).as("refused actions leave no trace").isEqualTo(1);
    }

    private List<String> pendingTimers(String id) {
        return jdbc.queryForList("select task_instance from scheduled_tasks where task_name = ? and task_instance like ?",
                String.class, CaseTimers.STAGE_LIGHT.getTaskName(), id + "%");
    }

    private JsonNode waitForLight(String id, String light) throws InterruptedException {
        JsonNode seen = null;
        for (int i = 0; i < 100; i++) {
            seen = get("/api/v1/cases/" + id, "xinshancun").json();
            if (seen.get("stage").get("light").asString().equals(light)) {
                break;
            }
            Thread.sleep(100);
        }
        return seen;
    }

    @Test
    void stageTimersFireOnceAndFollowTheCase() throws Exception {
        String id = report("citizen", body("E0101", in("500104001014001"), "垃圾满地"), null).json().get("id").asString();
        assertThat(pendingTimers(id)).as("one pending timer: the yellow light of the verification stage").containsExactly(id + "-1-Y");
        // make it due now, as after a night of downtime, and let the scheduler pick it up
        scheduler.reschedule(CaseTimers.STAGE_LIGHT.instanceId(id + "-1-Y"), Instant.now());
        assertThat(waitForLight(id, "YELLOW").get("stage").get("light").asString()).isEqualTo("YELLOW");
        for (int i = 0; i < 50 && !pendingTimers(id).contains(id + "-1-R"); i++) {
            Thread.sleep(100);
        }
        assertThat(pendingTimers(id)).as("then the red one").containsExactly(id + "-1-R");
        scheduler.reschedule(CaseTimers.STAGE_LIGHT.instanceId(id + "-1-R"), Instant.now());
        JsonNode overdue = waitForLight(id, "RED");
        assertThat(overdue.get("stage").get("light").asString()).isEqualTo("RED");
        assertThat(overdue.get("figures").get("everOverdue").asBoolean()).isTrue();
        // the same timer firing again (a retry, a second node) and an old stage's timer change nothing
        workflow.timer(CaseId.parse(id), 1, CaseAction.OVERDUE);
        workflow.timer(CaseId.parse(id), 1, CaseAction.WARN);
        workflow.timer(CaseId.parse(id), 0, CaseAction.WARN);
        List<String> lights = new ArrayList<>();
        get("/api/v1/cases/" + id + "/history", "xinshancun").json().forEach(e -> lights.add(e.get("action").asString()));
        assertThat(lights).containsOnlyOnce("OVERDUE").containsOnlyOnce("WARN");
        assertThat(pendingTimers(id)).as("fired timers are gone").isEmpty();
        // moving on starts the next stage's timer and drops nothing else behind
        postJson("/api/v1/cases/" + id + "/actions/verify", "xinshancun", "{}");
        assertThat(pendingTimers(id)).hasSize(1).allMatch(t -> t.endsWith("-2-Y"));
        postJson("/api/v1/cases/" + id + "/actions/invalidate", "xinshancun", "{\"reason\":\"cleared by itself\"}");
        assertThat(pendingTimers(id)).as("a closed case has no timers").isEmpty();
    }

    @Test
    void mapPointsAreTheOpenCasesOfTheCallersTerritory() {
        String id = report("citizen", body("E0201", in("500104001001001"), "电线杆上贴满小广告"), null).json().get("id").asString();
        JsonNode points = get("/api/v1/cases/points", "xinshancun").json();
        JsonNode mine = null;
        for (JsonNode p : points) {
            assertThat(p.get("id").asString()).isNotBlank();
            if (p.get("id").asString().equals(id)) {
                mine = p;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("light").asString()).isEqualTo("GREEN");
        assertThat(mine.get("state").asString()).isEqualTo("REPORTED");
        assertThat(get("/api/v1/cases/points?territory=500106004", "ciqikou").json().findValuesAsString("id")).doesNotContain(id);
        assertThat(get("/api/v1/cases/points?territory=500104", "xinshancun").status()).isEqualTo(403);
        assertThat(get("/api/v1/cases/points?territory=abc", "xinshancun").status()).isEqualTo(400);
        assertThat(get("/api/v1/cases/points", "citizen").status()).isEqualTo(403);
    }

    @Test
    void aStreetCannotInvalidateACaseEscalatedToTheCity() {
        String id = report("citizen", body("E0101", in("500104001021001"), "垃圾"), null).json().get("id").asString();
        assertThat(postJson("/api/v1/cases/" + id + "/actions/escalate", "xinshancun", "{\"reason\":\"too big\"}").status())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/cases/" + id + "/actions/escalate", "dadukou", "{\"reason\":\"for the city\"}").json()
                .get("handlingLevel").asString()).isEqualTo("CITY");
        JsonNode seen = get("/api/v1/cases/" + id, "xinshancun").json();
        assertThat(seen.get("allowedActions").toString()).doesNotContain("INVALIDATE");
        Response refused = postJson("/api/v1/cases/" + id + "/actions/invalidate", "xinshancun", "{\"reason\":\"nothing there\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("ESCALATED_ABOVE_YOU");
        assertThat(get("/api/v1/cases/" + id, "city").json().get("state").asString()).isEqualTo("REPORTED");
    }

    @Test
    void hangingAndResumingAnOverdueCaseNeitherSupervisesNorEscalatesItAgain() {
        // in 磁器口街道: an urgent overdue case stays on top of its street's queue, away from 新山村's queue tests
        Point p = in("500106004");
        String urgent = "{\"category\":\"C0101\",\"description\":\"井盖缺失\",\"lon\":" + p.getX() + ",\"lat\":" + p.getY()
                + ",\"urgent\":true,\"channel\":\"HOTLINE_12345\"}";
        JsonNode created = report("ciqikou", urgent, null).json();
        String id = created.get("id").asString();
        if (created.get("state").asString().equals("REGISTERED")) {
            postJson("/api/v1/cases/" + id + "/actions/dispatch", "ciqikou", "{\"department\":\"WATER_SUPPLY\"}");
        }
        JsonNode dispatched = get("/api/v1/cases/" + id, "city").json();
        assertThat(dispatched.get("state").asString()).isEqualTo("DISPATCHED");
        workflow.timer(CaseId.parse(id), dispatched.get("stage").get("seq").asInt(), CaseAction.OVERDUE);
        JsonNode red = get("/api/v1/cases/" + id, "city").json();
        assertThat(red.get("handlingLevel").asString()).as("an urgent overdue disposal goes up a level").isEqualTo("DISTRICT");
        assertThat(postJson("/api/v1/cases/" + id + "/actions/hang", "city", "{\"reason\":\"road closure pending\"}").status())
                .isEqualTo(200);
        JsonNode resumed = postJson("/api/v1/cases/" + id + "/actions/unhang", "city", "{\"reason\":\"road closed\"}").json();
        assertThat(resumed.get("stage").get("light").asString()).isEqualTo("RED");
        assertThat(pendingTimers(id)).as("no red light left to fire in this stage").isEmpty();
        // a timer for the resumed clock (as the old code scheduled) finds the light already on
        workflow.timer(CaseId.parse(id), resumed.get("stage").get("seq").asInt(), CaseAction.OVERDUE);
        JsonNode after = get("/api/v1/cases/" + id, "city").json();
        assertThat(after.get("handlingLevel").asString()).as("not pushed on to the city").isEqualTo("DISTRICT");
        assertThat(after.get("figures").get("escalations").asInt()).isEqualTo(1);
        assertThat(after.get("figures").get("supervisions").asInt()).isEqualTo(1);
        List<String> actions = new ArrayList<>();
        get("/api/v1/cases/" + id + "/history", "city").json().forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsOnlyOnce("OVERDUE");
    }

    @Test
    void phoneNumbersInTheDescriptionAreMaskedForRolesThatSeePersonalDataMasked() {
        String text = "楼下垃圾堆了三天，联系我13812345678或物业023-68123456";
        String id = report("citizen", body("E0101", in("500104001014001"), text), null).json().get("id").asString();
        String masked = "楼下垃圾堆了三天，联系我138****5678或物业023-****3456";
        assertThat(get("/api/v1/cases/" + id, "dadukou").json().get("description").asString()).isEqualTo(masked);
        assertThat(get("/api/v1/cases/" + id, "leader").json().get("description").asString()).isEqualTo(masked);
        assertThat(get("/api/v1/cases/" + id, "xinshancun").json().get("description").asString()).as("the street calls back")
                .isEqualTo(text);
        assertThat(get("/api/v1/cases/" + id, "citizen").json().get("description").asString()).as("the reporter's own text")
                .isEqualTo(text);
        JsonNode found = get("/api/v1/cases?queue=all&q=" + java.net.URLEncoder.encode("楼下垃圾堆了三天",
                java.nio.charset.StandardCharsets.UTF_8) + "&size=50", "dadukou").json();
        assertThat(found.get("items").toString()).contains(id).doesNotContain("13812345678").doesNotContain("68123456");
        postJson("/api/v1/cases/" + id + "/actions/invalidate", "xinshancun", "{\"reason\":\"已联系13812345678，已清理\"}");
        assertThat(get("/api/v1/cases/" + id + "/history", "dadukou").body()).contains("138****5678").doesNotContain("13812345678");
        assertThat(get("/api/v1/cases/" + id + "/history", "xinshancun").body()).contains("13812345678");
    }

    @Autowired
    ChannelIntake intake;

    @Test
    void aReportJoiningAnOpenCaseIsAChangeThatReachesWebhooks() throws Exception {
        Point p = in("500104001004002");
        String suffix = Long.toString(System.nanoTime(), 36);
        ChannelIntake.Outcome first = intake.report(new NewReport("E0105", "垃圾桶破损", p.getX(), p.getY(), false, Channel.OPEN311),
                new ChannelIntake.Source("open311:" + suffix, Channel.OPEN311, false), true);
        ChannelIntake.Outcome second = intake.report(new NewReport("E0105", "这里垃圾桶坏了", p.getX(), p.getY(), false, Channel.CITIZEN),
                new ChannelIntake.Source("device:" + suffix, Channel.CITIZEN, false), true);
        assertThat(second.joined()).isTrue();
        String id = first.caseView().id();
        assertThat(second.caseView().id()).isEqualTo(id);
        assertThat(second.caseView().version()).as("the case changed").isGreaterThan(first.caseView().version());
        List<civicgrid.support.WebhookReceiver.Delivery> joined = List.of();
        for (int i = 0; i < 100 && joined.isEmpty(); i++) {
            joined = civicgrid.support.WebhookReceiver.get().deliveries().stream()
                    .filter(d -> d.body().contains(id) && d.body().contains("\"action\":\"REPORT_JOINED\"")).toList();
            Thread.sleep(100);
        }
        assertThat(joined).as("a webhook hears of the joined report").isNotEmpty();
        assertThat(joined.get(0).body()).contains("\"to\":\"" + first.caseView().state() + "\"");
        List<String> trail = new ArrayList<>();
        get("/api/v1/cases/" + id + "/history", "xinshancun").json()
                .forEach(e -> trail.add(e.get("action").asString() + ":" + e.get("actor").asString()));
        assertThat(trail).containsOnlyOnce("REPORT_JOINED:device:" + suffix);
        assertThat(get("/api/v1/cases/" + id + "/reporters", "xinshancun").json().toString()).contains("device:" + suffix);
    }
}
