package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.evaluation.domain.CasePoints;
import civicgrid.evaluation.persistence.CaseFactStore;
import civicgrid.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Class discovery's points are read unordered and ordered in Java: the order must be the database's
 * {@code order by reported_at, case_id} (uuids compared as unsigned bytes), ties on the microsecond
 * included, since the mean latitude of the flat projection is summed in that order.
 */
class CaseFactPointsTest extends IntegrationTest {

    /** A district code no other test uses. */
    static final String DISTRICT = "599999";

    @Autowired
    CaseFactStore facts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pointsComeInTheDatabasesOrderOfReportTimeAndCaseIdWithoutInvalidOrMergedCases() {
        Instant now = Instant.parse("2026-11-30T00:00:00Z");
        Random random = new Random(11);
        try {
            for (int i = 0; i < 400; i++) {
                // few moments (many ties), a microsecond apart; ids of either sign
                Instant at = now.minusSeconds(3600L * (1 + random.nextInt(5))).plusNanos(1000L * random.nextInt(2));
                String state = i % 50 == 0 ? "INVALID" : i % 50 == 1 ? "MERGED" : "CLOSED";
                jdbc.update("insert into evaluation.case_fact (case_id, number, category_code, district_code, grid_code, road_segment_code, lon, lat,"
                                + " reported_at, state, contributions, updated_at) values (?, ?, 'C0101', ?, 'g', ?, ?, ?, ?, ?, '', now())",
                        new UUID(random.nextLong(), random.nextLong()), "T" + i, DISTRICT, i % 3 == 0 ? "R1" : null, 106.5 + random.nextDouble(),
                        29.5 + random.nextDouble(), Timestamp.from(at), state);
            }
            Instant from = now.minusSeconds(3600L * 4);
            List<UUID> expected = jdbc.queryForList("select case_id from evaluation.case_fact where district_code = ? and reported_at >= ?"
                    + " and reported_at < ? and state not in ('INVALID', 'MERGED') order by reported_at, case_id", UUID.class, DISTRICT,
                    Timestamp.from(from), Timestamp.from(now));
            CasePoints points = facts.points(DISTRICT, from, now);
            assertThat(IntStream.range(0, points.size()).mapToObj(points::caseId).toList()).isEqualTo(expected);
            assertThat(expected).hasSizeBetween(250, 360);
        } finally {
            jdbc.update("delete from evaluation.case_fact where district_code = ?", DISTRICT);
        }
    }
}
