package civicgrid.duty;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The key places for the big screen's map: the caller's territory only, no personal data, bounded. */
class KeyPlacesHttpTest extends IntegrationTest {

    private static final String XINSHANCUN = "500104001";

    @Test
    void aStreetSeesItsOwnKeyPlacesAndNoOneElses() {
        Response own = get("/api/v1/duty/key-places?unit=" + XINSHANCUN, "xinshancun");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        JsonNode places = own.json();
        assertThat(places.size()).isBetween(1, 5000);
        for (JsonNode p : places) {
            assertThat(p.get("code").asString()).isNotBlank();
            assertThat(p.get("name").asString()).isNotBlank();
            assertThat(p.get("kind").asString()).isIn("SCHOOL", "MARKET", "OLD_BUILDING", "HOSPITAL", "STATION", "VENUE", "OTHER");
            assertThat(p.get("fireLane").isBoolean()).isTrue();
            assertThat(p.get("lon").asDouble()).isBetween(106.0, 107.0);
            assertThat(p.get("lat").asDouble()).isBetween(29.0, 30.0);
            // only what a map needs: no address, no grid code
            assertThat(Set.copyOf(p.propertyNames())).isEqualTo(Set.of("code", "name", "kind", "fireLane", "lon", "lat"));
        }

        Response other = get("/api/v1/duty/key-places?unit=" + XINSHANCUN, "ciqikou");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");

        Response citizen = get("/api/v1/duty/key-places?unit=" + XINSHANCUN, "citizen");
        assertThat(citizen.status()).isEqualTo(403);
        assertThat(citizen.body()).doesNotContain("fireLane");

        Response bad = get("/api/v1/duty/key-places?unit=abc", "xinshancun");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("INVALID_UNIT_CODE");
    }
}
