package civicgrid.duty;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.duty.app.Positions;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The duty console: completion and overdue lists in scope, consented positions with their retention, the frontage ledger. */
class DutyConsoleHttpTest extends IntegrationTest {

    static final String GRID = "500104001001001";
    static final String WORKER_NAME = "平安社区第1网格网格员";

    @Autowired
    DutyApi duty;

    @Autowired
    GeoApi geo;

    @Autowired
    Positions positions;

    @Autowired
    JdbcTemplate jdbc;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void completionPerWorkerGridCommunityAndStreetNamesInWordsInsideTheViewersTerritoryOnly() {
        assertThat(get("/api/v1/duty/tasks?date=" + today(), "gridworker").status()).isEqualTo(200);
        JsonNode byWorker = get("/api/v1/duty/completion?unit=500104001&by=worker", "xinshancun").json();
        JsonNode ours = row(byWorker, "gridworker");
        assertThat(ours).as(byWorker.toString()).isNotNull();
        assertThat(ours.get("name").asString()).as("the street sees the worker by name").isEqualTo(WORKER_NAME);
        assertThat(ours.get("total").asLong()).isPositive();
        JsonNode masked = row(get("/api/v1/duty/completion?unit=500104&by=worker", "dadukou").json(), "gridworker");
        assertThat(masked.get("name").asString()).as("the district needs no names").startsWith("平").contains("*");
        for (String by : new String[] {"grid", "community", "street"}) {
            JsonNode rows = get("/api/v1/duty/completion?unit=500104001&by=" + by, "xinshancun").json().get("items");
            assertThat(rows.size()).as(by).isPositive();
            for (JsonNode r : rows) {
                assertThat(r.get("name").asString()).as(by + " named in words").isNotBlank().doesNotContainPattern("^\\d+$");
                assertThat(r.get("key").asString()).hasSize(by.equals("grid") ? 15 : by.equals("community") ? 12 : 9);
            }
        }
        assertThat(get("/api/v1/duty/completion?unit=500104001001&by=grid", "community").status()).isEqualTo(200);
        Response street = get("/api/v1/duty/completion?unit=500104001&by=grid", "community");
        assertThat(street.status()).as("community staff see their community only").isEqualTo(403);
        assertThat(street.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(get("/api/v1/duty/completion?unit=500106004&by=grid", "xinshancun").json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(get("/api/v1/duty/completion?unit=500104001&by=worker", "citizen").status()).isEqualTo(403);
    }

    @Test
    void yesterdaysOpenTasksAreListedForTheCommunityAndStreetWithNamesAndTitles() {
        LocalDate yesterday = today().minusDays(1);
        duty.planDay(yesterday);
        Response r = get("/api/v1/duty/overdue?unit=500104001001", "community");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("date").asString()).isEqualTo(yesterday.toString());
        JsonNode items = r.json().get("items");
        assertThat(items.size()).isPositive();
        JsonNode first = items.get(0);
        assertThat(first.get("gridName").asString()).isNotBlank().doesNotContainPattern("^\\d+$");
        assertThat(first.get("titleZh").asString()).isNotBlank();
        boolean workerNamed = false;
        for (JsonNode i : items) {
            workerNamed |= i.get("worker").asString().equals(WORKER_NAME);
            assertThat(i.has("subject")).as("no resident's data in the list").isFalse();
        }
        assertThat(workerNamed).isTrue();
        assertThat(get("/api/v1/duty/overdue?unit=500104001", "xinshancun").json().get("items").size()).isGreaterThanOrEqualTo(items.size());
        assertThat(get("/api/v1/duty/overdue?unit=500104001001", "gridworker").json().get("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(get("/api/v1/duty/overdue?unit=500104001", "ciqikou").json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(get("/api/v1/duty/overdue?unit=500104001&date=" + today(), "xinshancun").json().get("code").asString())
                .isEqualTo("INVALID_DATE");
    }

    @Test
    void aPositionIsStoredOnlyWithConsentShownToTheCentersMaskedAsNeededAndPurgedAfterTheRetention() {
        TerritoryUnit grid = geo.requireUnit(UnitCode.of(GRID));
        String here = "{\"lon\": " + grid.centroidLon() + ", \"lat\": " + grid.centroidLat() + ", \"accuracy\": 12}";
        assertThat(put("/api/v1/duty/positions/consent", "gridworker", "{\"consented\": false}").status()).isEqualTo(200);
        Response refused = postJson("/api/v1/duty/positions", "gridworker", here);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("NO_POSITION_CONSENT");

        Response consent = put("/api/v1/duty/positions/consent", "gridworker", "{\"consented\": true}");
        assertThat(consent.json().get("consented").asBoolean()).isTrue();
        assertThat(consent.json().get("retentionHours").asLong()).isEqualTo(8);
        assertThat(get("/api/v1/duty/positions/consent", "gridworker").json().get("consented").asBoolean()).isTrue();
        Response stored = postJson("/api/v1/duty/positions", "gridworker", here);
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);
        TerritoryUnit elsewhere = geo.requireUnit(UnitCode.of("500106004"));
        Response outside = postJson("/api/v1/duty/positions", "gridworker", "{\"lon\": " + elsewhere.centroidLon() + ", \"lat\": "
                + elsewhere.centroidLat() + "}");
        assertThat(outside.status()).as("off the worker's territory nothing is stored").isEqualTo(403);
        assertThat(postJson("/api/v1/duty/positions", "gridworker", "{\"lon\": 500, \"lat\": 29}").status()).isEqualTo(400);

        JsonNode street = member(get("/api/v1/duty/forces?unit=500104001", "xinshancun").json());
        assertThat(street).as("the street center sees its worker").isNotNull();
        assertThat(street.get("name").asString()).isEqualTo(WORKER_NAME);
        assertThat(street.get("kind").asString()).isEqualTo("GRID_WORKER");
        assertThat(street.get("key").asString()).doesNotContain("gridworker");
        assertThat(member(get("/api/v1/duty/forces?unit=500104", "dadukou").json()).get("name").asString()).contains("*");
        assertThat(get("/api/v1/duty/forces?unit=500104001", "ciqikou").json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(get("/api/v1/duty/forces?unit=500104001001", "gridworker").json().get("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(postJson("/api/v1/duty/positions", "xinshancun", here).json().get("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");

        // retention: a position older than 8 hours goes with the purge, the fresh one stays
        String worker = jdbc.queryForObject("select worker_id::text from duty.worker_position where worker_username = 'gridworker' limit 1",
                String.class);
        jdbc.update("insert into duty.worker_position (worker_id, worker_username, worker_name, grid_code, lon, lat, at)"
                + " values (?::uuid, 'gridworker', ?, ?, ?, ?, ?)", worker, WORKER_NAME, GRID, grid.centroidLon(), grid.centroidLat(),
                Timestamp.from(Instant.now().minus(Duration.ofHours(9))));
        assertThat(count("at < now() - interval '8 hours'")).isEqualTo(1);
        assertThat(positions.purge()).isGreaterThanOrEqualTo(1);
        assertThat(count("at < now() - interval '8 hours'")).isZero();
        assertThat(count("true")).isPositive();

        // withdrawing consent deletes the worker's positions at once and takes them off the map
        assertThat(put("/api/v1/duty/positions/consent", "gridworker", "{\"consented\": false}").json().get("consented").asBoolean()).isFalse();
        assertThat(count("true")).isZero();
        assertThat(member(get("/api/v1/duty/forces?unit=500104001", "xinshancun").json())).isNull();
        assertThat(put("/api/v1/duty/positions/consent", "gridworker", "{}").json().get("code").asString()).isEqualTo("INVALID_CONSENT");
    }

    @Test
    void aCaseRegisteredInFrontOfAFrontageShopJoinsTheShopsRecord() throws Exception {
        TerritoryUnit grid = geo.requireUnit(UnitCode.of(GRID));
        double lon = grid.centroidLon() + 0.0004;
        double lat = grid.centroidLat() + 0.0002;
        String credit = "92500104FRNT" + String.format("%05d", System.nanoTime() % 100_000) + "A";
        Response imported = send(HttpRequest.newBuilder(URI.create(url("/api/v1/duty/registers/enterprises/import?unit=500104001001")))
                .header("Authorization", basic("community", "demo")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("grid_code,credit_code,name,kind,address,contact_name,contact_phone,frontage_duty,lon,lat\n"
                        + GRID + "," + credit + ",门前测试面馆,shop,重庆市大渡口区新山村街道测试路12号,李测试,13800000012,是," + lon + "," + lat + "\n",
                        StandardCharsets.UTF_8)).build());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        long shop = get("/api/v1/duty/registers/enterprises?unit=" + GRID + "&q=" + enc(credit.substring(12)), "community").json().get(0)
                .get("id").asLong();
        Response reported = postJson("/api/v1/cases", "gridworker", "{\"category\":\"E0502\",\"description\":\"门前三包测试：店外占道经营 "
                + credit + "\",\"lon\":" + lon + ",\"lat\":" + lat + ",\"channel\":\"GRID_WORKER\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String caseId = reported.json().get("id").asString();
        String number = reported.json().get("number").asString();
        Response registered = postJson("/api/v1/cases/" + caseId + "/actions/register", "xinshancun", "{}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);

        JsonNode record = null;
        for (int i = 0; i < 100 && (record == null || record.get("items").isEmpty()); i++) {
            Thread.sleep(100);
            record = get("/api/v1/duty/frontage/" + shop, "community").json();
        }
        assertThat(record.get("name").asString()).isEqualTo("门前测试面馆");
        assertThat(record.get("frontageDuty").asBoolean()).isTrue();
        assertThat(record.get("items").size()).isEqualTo(1);
        JsonNode entry = record.get("items").get(0);
        assertThat(entry.get("caseId").asString()).isEqualTo(caseId);
        assertThat(entry.get("number").asString()).isEqualTo(number);
        assertThat(entry.get("categoryCode").asString()).isEqualTo("E0502");
        assertThat(entry.get("distanceMeters").asDouble()).isLessThan(1);
        assertThat(get("/api/v1/duty/frontage/" + shop, "ciqikou").status()).isEqualTo(403);
        assertThat(get("/api/v1/duty/frontage/999999999", "community").json().get("code").asString()).isEqualTo("SHOP_NOT_FOUND");
    }

    long count(String where) {
        Long n = jdbc.queryForObject("select count(*) from duty.worker_position where worker_username = 'gridworker' and " + where, Long.class);
        return n == null ? 0 : n;
    }

    static JsonNode row(JsonNode completion, String key) {
        for (JsonNode r : completion.get("items")) {
            if (r.get("key").asString().equals(key)) {
                return r;
            }
        }
        return null;
    }

    static JsonNode member(JsonNode forces) {
        for (JsonNode m : forces) {
            if (m.get("unitCode").asString().equals(GRID) && m.get("kind").asString().equals("GRID_WORKER")) {
                return m;
            }
        }
        return null;
    }

    Response put(String path, String user, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
