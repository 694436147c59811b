package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The classification contract: suggestions best first, places, urgency, operators' corrections, bad input. */
class ClassifyHttpTest extends IntegrationTest {

    @Test
    void suggestsCategoriesPlacesAndUrgency() {
        Response r = postJson("/api/v1/intake/classify", "xinshancun",
                "{\"text\":\"大渡口区新山村街道建设村菜市场门口垃圾堆起好高了，臭得很，苍蝇到处飞\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode suggestions = r.json().get("suggestions");
        assertThat(suggestions.size()).isGreaterThanOrEqualTo(3);
        assertThat(suggestions.get(0).get("category").asString()).isIn("E0101", "E0102", "E0106");
        assertThat(suggestions.get(0).get("score").asDouble()).isBetween(0.0, 1.0)
                .isGreaterThanOrEqualTo(suggestions.get(1).get("score").asDouble());
        assertThat(r.json().get("places").findValuesAsString("code")).contains("500104", "500104001");
        assertThat(r.json().get("urgency").get("urgent").asBoolean()).isFalse();

        JsonNode fire = postJson("/api/v1/intake/classify", "xinshancun", "{\"text\":\"楼下餐馆厨房着火了，好大的烟，快来人\",\"limit\":5}").json();
        assertThat(fire.get("suggestions").size()).isEqualTo(5);
        assertThat(fire.get("urgency").get("urgent").asBoolean()).isTrue();
        assertThat(fire.get("urgency").get("cues").get(0).asString()).isEqualTo("着火");
    }

    @Test
    void anOperatorsCorrectionIsLearned() throws InterruptedException {
        String text = "{\"text\":\"巷子口那台旧冰箱扔了半个月了\"}";
        assertThat(postJson("/api/v1/intake/classify/corrections", "citizen", "{\"text\":\"巷子口那台旧冰箱扔了半个月了\",\"category\":\"E0506\"}")
                .status()).isEqualTo(403);
        Response corrected = postJson("/api/v1/intake/classify/corrections", "xinshancun",
                "{\"text\":\"巷子口那台旧冰箱扔了半个月了\",\"category\":\"E0506\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(204);
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        String top = null;
        while (Instant.now().isBefore(until)) {
            top = postJson("/api/v1/intake/classify", "xinshancun", text).json().get("suggestions").get(0).get("category").asString();
            if (top.equals("E0506")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(top).isEqualTo("E0506");
        assertThat(get("/api/v1/audit/entries?targetType=CATEGORY&targetId=E0506", "admin").body()).contains("CLASSIFICATION_CORRECTED");
    }

    @Test
    void badInputIsAClear4xx() {
        assertThat(postJson("/api/v1/intake/classify", "xinshancun", "{\"text\":\"\"}").status()).isEqualTo(400);
        assertThat(postJson("/api/v1/intake/classify", "xinshancun", "{\"text\":").json().get("code").asString()).isNotBlank();
        assertThat(postJson("/api/v1/intake/classify", "xinshancun", "{\"text\":\"" + "字".repeat(2001) + "\"}").status()).isEqualTo(400);
        assertThat(postJson("/api/v1/intake/classify", "xinshancun", "{\"text\":\"井盖\",\"limit\":50}").status()).isEqualTo(400);
        assertThat(postJson("/api/v1/intake/classify", "xinshancun", "{\"text\":\"井盖\",\"limit\":\"many\"}").status()).isEqualTo(400);
        Response unknown = postJson("/api/v1/intake/classify/corrections", "xinshancun", "{\"text\":\"井盖\",\"category\":\"Z9999\"}");
        assertThat(unknown.status()).isBetween(400, 404);
        assertThat(unknown.json().get("code").asString()).isNotBlank();
        assertThat(postJson("/api/v1/intake/classify", null, "{\"text\":\"井盖\"}").status()).isEqualTo(401);
    }
}
