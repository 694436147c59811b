package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import civicgrid.cases.CaseId;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.evaluation.app.CaseFigures;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.UnitCode;
import civicgrid.support.HandComputedCases;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hand-computed example of {@link HandComputedCases} driven in the first grid of a community and
 * moved, history and all, to a moment no other test uses (so that its day and month hold these
 * four cases only), then counted again.
 */
final class HandExamples {

    private HandExamples() {
    }

    static HandComputedCases.Example driveAndMove(IntegrationTest test, GeoApi geo, JdbcTemplate jdbc, CaseWorkflow workflow,
                                                   CaseFigures figures, String community, String moment, String roadSegment) {
        String grid = geo.children(UnitCode.of(community)).stream().filter(u -> u.level() == TerritoryLevel.GRID).findFirst()
                .orElseThrow().code();
        HandComputedCases.Example example = new HandComputedCases(test, geo, jdbc, workflow, grid).drive();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select state from evaluation.case_fact where case_id = ?::uuid", String.class, example.a())).isEqualTo("EVALUATED"));
        for (String id : example.all()) {
            jdbc.update("update cases.case_event set at = at - (select reported_at - ?::timestamptz from cases.case_file where id = ?::uuid)"
                    + " where case_id = ?::uuid", moment, example.a(), id);
        }
        for (String id : example.all()) {
            jdbc.update("update cases.case_file set reported_at = (select min(at) from cases.case_event where case_id = ?::uuid),"
                    + " road_segment_code = coalesce(?, road_segment_code) where id = ?::uuid", id, roadSegment, id);
            figures.refresh(CaseId.parse(id));
        }
        return example;
    }

    /** The n-th community (from 0) of 新山村街道 that has grids. */
    static String community(GeoApi geo, int n) {
        return geo.children(UnitCode.of("500104001")).stream().filter(u -> u.level() == TerritoryLevel.COMMUNITY)
                .filter(u -> geo.children(UnitCode.of(u.code())).stream().anyMatch(g -> g.level() == TerritoryLevel.GRID))
                .skip(n).findFirst().orElseThrow().code();
    }

    static String gridOf(JdbcTemplate jdbc, String caseId) {
        return jdbc.queryForObject("select grid_code from cases.case_file where id = ?::uuid", String.class, caseId);
    }
}
