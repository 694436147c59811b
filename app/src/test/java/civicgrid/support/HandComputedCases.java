package civicgrid.support;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseId;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.geo.GeoApi;
import java.util.List;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The hand-computed example of the rates and the scorecards: four cases reported by a resident in
 * one grid of 新山村街道 and driven through the loop over HTTP. A is clean and rated 5 stars; B is
 * verified late, returned, dispatched again, reworked once and rated 2 stars; C is overdue in
 * disposal; D is invalid.
 */
public final class HandComputedCases {

    /** The four cases' ids. */
    public record Example(String a, String b, String c, String d) {
        public List<String> all() {
            return List.of(a, b, c, d);
        }
    }

    private final IntegrationTest test;
    private final GeoApi geo;
    private final JdbcTemplate jdbc;
    private final CaseWorkflow workflow;
    private final String grid;

    public HandComputedCases(IntegrationTest test, GeoApi geo, JdbcTemplate jdbc, CaseWorkflow workflow, String grid) {
        this.test = test;
        this.geo = geo;
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.grid = grid;
    }

    public Example drive() {
        String a = report("A");
        act("xinshancun", a, "verify", "{}");
        act("xinshancun", a, "register", "{}");
        act("sanitation.dadukou", a, "accept", "{}");
        act("sanitation.dadukou", a, "report-back", "{\"reason\":\"done\"}");
        act("xinshancun", a, "check-pass", "{}");
        act("xinshancun", a, "close", "{}");
        act("citizen", a, "evaluate", "{\"rating\":5}");

        String b = report("B");
        expireStage(b);
        act("xinshancun", b, "verify", "{}");
        act("xinshancun", b, "register", "{}");
        act("sanitation.dadukou", b, "return", "{\"reason\":\"wrong department\"}");
        act("xinshancun", b, "dispatch", "{\"department\":\"SANITATION\"}");
        act("sanitation.dadukou", b, "accept", "{}");
        act("sanitation.dadukou", b, "report-back", "{\"reason\":\"done\"}");
        act("xinshancun", b, "check-fail", "{\"reason\":\"still dirty\"}");
        act("sanitation.dadukou", b, "report-back", "{\"reason\":\"done again\"}");
        act("xinshancun", b, "check-pass", "{}");
        act("xinshancun", b, "close", "{}");
        act("citizen", b, "evaluate", "{\"rating\":2}");

        String c = report("C");
        act("xinshancun", c, "verify", "{}");
        act("xinshancun", c, "register", "{}");
        act("sanitation.dadukou", c, "accept", "{}");
        JsonNode seen = test.get("/api/v1/cases/" + c, "xinshancun").json();
        workflow.timer(CaseId.parse(c), seen.get("stage").get("seq").asInt(), CaseAction.OVERDUE);
        expireStage(c);
        act("sanitation.dadukou", c, "report-back", "{\"reason\":\"late\"}");

        String d = report("D");
        act("xinshancun", d, "invalidate", "{\"reason\":\"nothing there\"}");
        return new Example(a, b, c, d);
    }

    private String report(String text) {
        Point p = geo.model().node(grid).orElseThrow().geometry().getInteriorPoint();
        return test.postJson("/api/v1/cases", "citizen", "{\"category\":\"E0101\",\"description\":\"" + text + "\",\"lon\":" + p.getX()
                + ",\"lat\":" + p.getY() + ",\"channel\":\"CITIZEN\"}").json().get("id").asString();
    }

    private void act(String user, String id, String action, String body) {
        IntegrationTest.Response r = test.postJson("/api/v1/cases/" + id + "/actions/" + action, user, body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    }

    /** Time passes: the current stage's deadline is already behind us. */
    private void expireStage(String id) {
        jdbc.update("update cases.case_file set stage_deadline = now() - interval '1 hour' where id = ?::uuid", id);
    }
}
