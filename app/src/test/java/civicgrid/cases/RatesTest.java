package civicgrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.app.CaseWorkflow;
import civicgrid.geo.GeoApi;
import civicgrid.support.HandComputedCases;
import civicgrid.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * GB/T 30428.4 rates on a hand-computed example: four cases in community 500104001022 (no other
 * test reports there), with a late verification, a return, a rework, an overdue disposal and an
 * invalid report.
 */
class RatesTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseWorkflow workflow;

    @Test
    void ratesOfAHandComputedExample() {
        new HandComputedCases(this, geo, jdbc, workflow, "500104001022001").drive();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode rows = get("/api/v1/cases/rates?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&territory=500104001022", "xinshancun").json();
        assertThat(rows.size()).isEqualTo(1);
        JsonNode r = rows.get(0);
        assertThat(r.get("reported").asLong()).isEqualTo(4);
        assertThat(r.get("verified").asLong()).isEqualTo(4);
        assertThat(r.get("onTimeVerificationRate").asDouble()).isEqualTo(0.75);
        assertThat(r.get("registered").asLong()).isEqualTo(3);
        assertThat(r.get("onTimeRegistrationRate").asDouble()).isEqualTo(1.0);
        assertThat(r.get("dispatched").asLong()).isEqualTo(3);
        assertThat(r.get("onTimeDispatchRate").asDouble()).isEqualTo(1.0);
        assertThat(r.get("accurateDispatchRate").asDouble()).isEqualTo(0.6667);
        assertThat(r.get("disposalRate").asDouble()).isEqualTo(1.0);
        assertThat(r.get("onTimeDisposalRate").asDouble()).isEqualTo(0.6667);
        assertThat(r.get("reworkRate").asDouble()).isEqualTo(0.3333);
        assertThat(r.get("overdueRate").asDouble()).isEqualTo(0.3333);
        assertThat(r.get("closureRate").asDouble()).isEqualTo(0.6667);
        assertThat(r.get("satisfactionRate").asDouble()).isEqualTo(0.5);

        JsonNode byDepartment = get("/api/v1/cases/rates?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&territory=500104001022&groupBy=DEPARTMENT", "dadukou").json();
        assertThat(byDepartment.toString()).contains("500104:SANITATION").contains("unassigned");
        assertThat(get("/api/v1/cases/rates?from=" + today + "&to=" + today + "&territory=500104001022", "dadukou").json()
                .get("code").asString()).isEqualTo("INVALID_PERIOD");
        assertThat(get("/api/v1/cases/rates?from=" + today + "&to=" + today.plusDays(1) + "&territory=500106004", "xinshancun").json()
                .get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(get("/api/v1/cases/rates?from=yesterday&to=" + today, "xinshancun").status()).isEqualTo(400);
    }
}
