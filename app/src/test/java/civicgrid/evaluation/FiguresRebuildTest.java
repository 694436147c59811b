package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures rebuilt from the cases that exist: with evaluation's bookkeeping wiped (as if the
 * module were added to a running city), one rebuild gives back the same daily and monthly figures
 * the events made; a second rebuild changes nothing; the monthly rows always equal the daily rows
 * summed per month.
 */
class FiguresRebuildTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    civicgrid.geo.GeoApi geo;

    private static final String NONZERO = "(n_reported + n_reported_registered + n_verified + n_verified_on_time + n_registered"
            + " + n_registered_on_time + n_dispatched + n_dispatched_on_time + n_dispatched_accurately + n_due + n_handled + n_handled_on_time"
            + " + n_overdue + n_reworked + n_checked + n_checked_on_time + n_closed + n_rated + n_satisfied) <> 0"
            + " or n_overdue <> 0 or n_reworked <> 0";

    private String digest(String table, String keyColumn) {
        return jdbc.queryForObject("select coalesce(md5(string_agg(t::text, ';' order by kind, territory, subject, " + keyColumn + ")), '')"
                + " from evaluation." + table + " t where " + NONZERO, String.class);
    }

    private java.util.List<String> monthsFromDays() {
        return jdbc.queryForList("select x::text from (select kind,"
                + " case when kind in ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID') then territory else substring(territory, 1, 9) end,"
                + " subject, date_trunc('month', day)::date, sum(n_due) due, sum(n_handled) handled, sum(n_reported) reported,"
                + " sum(n_satisfied) satisfied from evaluation.tally group by 1, 2, 3, 4 having sum(n_due) <> 0 or sum(n_handled) <> 0"
                + " or sum(n_reported) <> 0 or sum(n_satisfied) <> 0) x order by 1", String.class);
    }

    private java.util.List<String> monthsAsKept() {
        return jdbc.queryForList("select x::text from (select kind, territory,"
                + " subject, month, n_due, n_handled, n_reported, n_satisfied from evaluation.tally_month"
                + " where n_due <> 0 or n_handled <> 0 or n_reported <> 0 or n_satisfied <> 0) x order by 1", String.class);
    }

    @Test
    void rebuildingFromTheCasesGivesTheFiguresTheEventsMadeAndIsIdempotent() {
        // some cases to count, whatever ran before
        var p = geo.model().node("500104001001001").orElseThrow().geometry().getInteriorPoint();
        for (int i = 0; i < 3; i++) {
            assertThat(postJson("/api/v1/cases", "citizen", "{\"category\":\"E0101\",\"description\":\"rebuild " + i
                    + "\",\"lon\":" + p.getX() + ",\"lat\":" + p.getY() + ",\"channel\":\"CITIZEN\"}").status()).isIn(200, 201);
        }
        Response first = postJson("/api/v1/evaluation/figures/rebuild", "admin", "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        long cases = jdbc.queryForObject("select count(*) from cases.case_file", Long.class);
        assertThat(first.json().get("cases").asLong()).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(cases);
        String days = digest("tally", "day");
        String months = digest("tally_month", "month");
        assertThat(monthsAsKept()).containsExactlyElementsOf(monthsFromDays());

        // as if evaluation had never seen a case
        jdbc.update("delete from evaluation.case_fact");
        jdbc.update("delete from evaluation.tally");
        jdbc.update("delete from evaluation.tally_month");
        assertThat(postJson("/api/v1/evaluation/figures/rebuild", "admin", "").status()).isEqualTo(200);
        assertThat(digest("tally", "day")).isEqualTo(days);
        assertThat(digest("tally_month", "month")).isEqualTo(months);
        assertThat(jdbc.queryForObject("select count(*) from evaluation.case_fact", Long.class)).isEqualTo(
                jdbc.queryForObject("select count(*) from cases.case_file", Long.class));

        // again: nothing changes
        assertThat(postJson("/api/v1/evaluation/figures/rebuild", "admin", "").status()).isEqualTo(200);
        assertThat(digest("tally", "day")).isEqualTo(days);
        assertThat(monthsAsKept()).containsExactlyElementsOf(monthsFromDays());
        assertThat(jdbc.queryForObject("select count(*) from audit.entry where action = 'EVALUATION_FIGURES_REBUILT'", Long.class))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void onlyAnAdministratorRebuilds() {
        assertThat(postJson("/api/v1/evaluation/figures/rebuild", "city", "").status()).isEqualTo(403);
        assertThat(postJson("/api/v1/evaluation/figures/rebuild", "citizen", "").status()).isEqualTo(403);
        assertThat(postJson("/api/v1/evaluation/figures/rebuild", null, "").status()).isEqualTo(401);
    }
}
