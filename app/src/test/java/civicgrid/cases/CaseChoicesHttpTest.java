package civicgrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What the desk chooses from: the departments that fit a case, and a merge target by case number. */
class CaseChoicesHttpTest extends IntegrationTest {

    @Autowired
    GeoApi geo;

    private String reported(String category) {
        Point p = geo.model().node("500104001001002").orElseThrow().geometry().getInteriorPoint();
        Response r = postJson("/api/v1/cases", "xinshancun", "{\"category\":\"" + category + "\",\"description\":\"测试\",\"lon\":"
                + p.getX() + ",\"lat\":" + p.getY() + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void everyDepartmentThatFitsTheCaseTheRoutingSuggestionFirst() {
        String id = reported("C0109"); // street lamp: the municipal department
        Response r = get("/api/v1/cases/" + id + "/departments", "xinshancun");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.json().forEach(list::add);
        assertThat(list).hasSize(29);
        assertThat(list.get(0).get("instance").asString()).isEqualTo("500104:MUNICIPAL");
        assertThat(list.get(0).get("suggested").asBoolean()).isTrue();
        assertThat(list.get(0).get("unitName").asString()).isEqualTo("大渡口区");
        assertThat(list.stream().filter(d -> d.get("suggested").asBoolean())).hasSize(1);
        assertThat(list).anySatisfy(d -> {
            assertThat(d.get("instance").asString()).isEqualTo("500104001:STREET_SERVICE");
            assertThat(d.get("unitName").asString()).isEqualTo("新山村街道");
        });
        assertThat(list).anySatisfy(d -> {
            assertThat(d.get("instance").asString()).isEqualTo("CITY:WATER_SUPPLY");
            assertThat(d.hasNonNull("unitName")).isFalse();
        });
        assertThat(get("/api/v1/cases/" + id + "/departments", "ciqikou").json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
    }

    @Test
    void aCaseMergesIntoAnotherNamedByItsNumber() {
        String target = reported("C0109");
        String number = get("/api/v1/cases/" + target, "xinshancun").json().get("number").asString();
        String duplicate = reported("C0109");
        Response unknown = postJson("/api/v1/cases/" + duplicate + "/actions/merge", "xinshancun",
                "{\"reason\":\"重复\",\"mergeInto\":\"CG19990101999999\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asString()).isEqualTo("MERGE_TARGET_INVALID");
        Response merged = postJson("/api/v1/cases/" + duplicate + "/actions/merge", "xinshancun",
                "{\"reason\":\"重复\",\"mergeInto\":\"" + number + "\"}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("mergedInto").asString()).isEqualTo(target);
    }
}
