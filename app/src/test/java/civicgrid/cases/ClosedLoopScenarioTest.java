package civicgrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.audit.AuditApi;
import civicgrid.audit.AuditEntry;
import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.ClockType;
import civicgrid.catalog.TimeLimit;
import civicgrid.geo.GeoApi;
import civicgrid.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The scenario: a citizen reports exposed garbage in a grid of 大渡口区; it is verified,
 * registered, dispatched automatically to the district's sanitation department, handled, checked,
 * closed and rated — with every deadline on its clock and the whole trail in history and audit.
 */
class ClosedLoopScenarioTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    CatalogApi catalog;
    @Autowired
    AuditApi audit;

    private JsonNode act(String user, String id, String action, String body) {
        Response r = postJson("/api/v1/cases/" + id + "/actions/" + action, user, body);
        assertThat(r.status()).as(action + " by " + user + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    private void assertDeadline(JsonNode caseJson, ClockType clock, String amount) {
        JsonNode stage = caseJson.get("stage");
        assertThat(stage.get("clock").asString()).isEqualTo(clock.name());
        assertThat(new BigDecimal(stage.get("limit").asString())).isEqualByComparingTo(amount);
        Instant started = Instant.parse(stage.get("startedAt").asString());
        Instant expected = catalog.deadlines().deadline(started, new TimeLimit(clock, new BigDecimal(amount)));
        assertThat(Instant.parse(stage.get("deadline").asString())).isEqualTo(expected);
        assertThat(Instant.parse(stage.get("warningAt").asString()))
                .isEqualTo(catalog.deadlines().fractionReached(started, new TimeLimit(clock, new BigDecimal(amount)), 0.8));
    }

    @Test
    void exposedGarbageGoesAllTheWayRound() {
        Point p = geo.model().node("500104001001001").orElseThrow().geometry().getInteriorPoint();
        Response created = postJson("/api/v1/cases", "citizen", "{\"category\":\"E0101\",\"description\":\"路边有一大堆生活垃圾没人清理\","
                + "\"lon\":" + p.getX() + ",\"lat\":" + p.getY() + ",\"channel\":\"CITIZEN\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode c = created.json();
        String id = c.get("id").asString();
        assertThat(c.get("state").asString()).isEqualTo("REPORTED");
        assertThat(c.get("number").asString()).matches("CG\\d{8}\\d{7}");
        assertThat(c.get("place").get("gridCode").asString()).isEqualTo("500104001001001");
        assertThat(c.get("place").get("districtName").asString()).isEqualTo("大渡口区");
        assertThat(c.get("category").get("nameZh").asString()).isEqualTo("暴露垃圾");
        assertDeadline(c, ClockType.WORK_HOURS, "1");

        c = act("gridworker", id, "verify", "{}");
        assertThat(c.get("state").asString()).isEqualTo("VERIFIED");
        assertDeadline(c, ClockType.WORK_HOURS, "0.5");

        JsonNode seen = get("/api/v1/cases/" + id, "xinshancun").json();
        assertThat(seen.get("routing").get("id").asString()).isEqualTo("500104:SANITATION");
        assertThat(seen.get("routing").get("automatic").asBoolean()).isTrue();
        assertThat(seen.get("allowedActions").toString()).contains("REGISTER").doesNotContain("CLOSE");

        c = act("xinshancun", id, "register", "{}");
        assertThat(c.get("state").asString()).as("registered and dispatched automatically").isEqualTo("DISPATCHED");
        assertThat(c.get("assignment").asString()).isEqualTo("500104:SANITATION");
        assertDeadline(c, ClockType.WORK_HOURS, "4");

        JsonNode mine = get("/api/v1/cases?queue=mine", "sanitation.dadukou").json();
        assertThat(ids(mine)).contains(id);
        c = act("sanitation.dadukou", id, "accept", "{}");
        assertThat(c.get("state").asString()).isEqualTo("IN_PROGRESS");
        c = act("sanitation.dadukou", id, "report-back", "{\"reason\":\"已清运，现场照片见附件\"}");
        assertThat(c.get("state").asString()).isEqualTo("HANDLED");
        assertDeadline(c, ClockType.WORK_HOURS, "1");
        c = act("gridworker", id, "check-pass", "{}");
        assertThat(c.get("state").asString()).isEqualTo("CHECKED");
        assertDeadline(c, ClockType.WORK_HOURS, "0.5");
        c = act("xinshancun", id, "close", "{}");
        assertThat(c.get("state").asString()).isEqualTo("CLOSED");
        assertThat(c.get("closedAt").isNull()).isFalse();
        c = act("citizen", id, "evaluate", "{\"rating\":5}");
        assertThat(c.get("state").asString()).isEqualTo("EVALUATED");
        assertThat(c.get("figures").get("rating").asInt()).isEqualTo(5);
        assertThat(c.get("figures").get("returns").asInt()).isZero();

        List<String> trail = new ArrayList<>();
        get("/api/v1/cases/" + id + "/history", "xinshancun").json().forEach(e -> trail.add(e.get("action").asString() + ":"
                + e.get("actor").asString()));
        assertThat(trail).containsExactly("REPORT:citizen", "VERIFY:gridworker", "REGISTER:xinshancun", "DISPATCH:system",
                "ACCEPT:sanitation.dadukou", "REPORT_BACK:sanitation.dadukou", "CHECK_PASS:gridworker", "CLOSE:xinshancun",
                "EVALUATE:citizen");
        List<AuditEntry> audited = audit.entries("CASE", id, null, 0, 50);
        assertThat(audited).extracting(AuditEntry::action).contains("CASE_REPORT", "CASE_VERIFY", "CASE_DISPATCH", "CASE_CLOSE",
                "CASE_EVALUATE");
        assertThat(audited).filteredOn(e -> e.action().equals("CASE_REPORT_BACK")).first()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("已清运，现场照片见附件"));
        assertThat(audit.verify().valid()).isTrue();
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asString()));
        return out;
    }
}
