package civicgrid.duty;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.support.IntegrationTest;
import civicgrid.support.Multipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The grid worker's day over HTTP: planning exactly once, ticking off in scope, registers masked per role. */
class DutyHttpTest extends IntegrationTest {

    static final String GRID = "500104001001001";

    @Autowired
    DutyApi duty;

    @Autowired
    GeoApi geo;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    JsonNode tasks(String user, LocalDate date) {
        Response r = get("/api/v1/duty/tasks?date=" + date, user);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static Set<String> keys(JsonNode tasks) {
        Set<String> keys = new HashSet<>();
        for (JsonNode t : tasks) {
            keys.add(t.get("item").asString() + "|" + t.get("subject").toString());
        }
        return keys;
    }

    @Test
    void theGridWorkerGetsTheDaysTasksWithPlaceAndSubjectsInClear() {
        JsonNode tasks = tasks("gridworker", today());
        assertThat(tasks.size()).isGreaterThan(0);
        JsonNode patrol = null;
        for (JsonNode t : tasks) {
            assertThat(t.get("id").asString()).isNotBlank();
            assertThat(t.get("titleZh").asString()).isNotBlank();
            assertThat(t.get("state").asString()).isIn("OPEN", "DONE");
            assertThat(t.get("place").get("lon").asDouble()).isBetween(106.0, 107.0);
            assertThat(t.get("place").get("lat").asDouble()).isBetween(29.0, 30.0);
            if (t.get("item").asString().equals("GRID_PATROL")) {
                patrol = t;
            }
            if (t.get("subject").has("idNumber")) {
                assertThat(t.get("subject").get("idNumber").asString()).as("the grid's own worker sees residents in clear").doesNotContain("*");
            }
        }
        assertThat(patrol).as("the daily patrol").isNotNull();
        assertThat(patrol.get("subject").get("code").asString()).isEqualTo(GRID);
    }

    @Test
    void planningTwiceAndConcurrentlyStillGivesOneTaskPerWorkerItemAndSubject() throws Exception {
        LocalDate day = today().plusDays(5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            calls.add(() -> duty.planDay(day));
            calls.add(() -> tasks("gridworker", day));
            calls.add(() -> tasks("gridworker", day));
            calls.add(() -> duty.planDay(day));
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        JsonNode first = tasks("gridworker", day);
        assertThat(first.size()).isGreaterThan(0);
        assertThat(keys(first)).as("no item planned twice for one subject").hasSize(first.size());
        assertThat(duty.planDay(day)).as("a run after a restart (or on another node) adds nothing").isZero();
        assertThat(tasks("gridworker", day).size()).isEqualTo(first.size());
    }

    @Test
    void aGridWorkerCannotTickAnotherGridsTask() {
        String otherGrid = gridOf("500106004");
        String username = "gw" + System.nanoTime() % 1_000_000;
        Response created = postJson("/api/v1/identity/users", "admin", """
                {"username": "%s", "password": "demo-demo", "displayName": "磁器口网格员", "role": "GRID_WORKER", "scope": ["%s"]}
                """.formatted(username, otherGrid));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Response theirs = send(HttpRequest.newBuilder(URI.create(url("/api/v1/duty/tasks?date=" + today())))
                .header("Authorization", basic(username, "demo-demo")).GET().build());
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
        assertThat(theirs.json().size()).isGreaterThan(0);
        String taskId = theirs.json().get(0).get("id").asString();
        Response refused = tick("gridworker", taskId, new Multipart().field("lon", "106.45").field("lat", "29.57"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        Response community = get("/api/v1/duty/tasks?date=" + today() + "&unit=" + otherGrid, "community");
        assertThat(community.status()).isEqualTo(403);
    }

    @Test
    void aPhotoTickFarFromThePlaceIsFlaggedAndATaskIsTickedOnce() throws Exception {
        // the open ones: other tests (the phone's browser test) tick today's tasks of the same worker too
        List<JsonNode> tasks = new ArrayList<>();
        tasks("gridworker", today()).forEach(t -> {
            if (t.get("state").asString().equals("OPEN")) {
                tasks.add(t);
            }
        });
        JsonNode far = tasks.get(0);
        JsonNode near = tasks.get(1);
        double lon = far.get("place").get("lon").asDouble();
        double lat = far.get("place").get("lat").asDouble();
        Response done = tick("gridworker", far.get("id").asString(), new Multipart().field("lon", String.valueOf(lon + 0.01))
                .field("lat", String.valueOf(lat)).field("note", "已走访，电话 13812345678").file("photo", "p.png", "image/png", png()));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("state").asString()).isEqualTo("DONE");
        assertThat(done.json().get("done").get("flag").asString()).isEqualTo("FAR_FROM_PLACE");
        assertThat(done.json().get("done").get("distanceMeters").asDouble()).isGreaterThan(300);
        assertThat(done.json().get("done").get("photo").asBoolean()).isTrue();
        Response again = tick("gridworker", far.get("id").asString(), new Multipart().field("lon", String.valueOf(lon)).field("lat",
                String.valueOf(lat)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("TASK_ALREADY_DONE");

        Response onTheSpot = tick("gridworker", near.get("id").asString(), new Multipart()
                .field("lon", String.valueOf(near.get("place").get("lon").asDouble() + 0.0005))
                .field("lat", String.valueOf(near.get("place").get("lat").asDouble())));
        assertThat(onTheSpot.status()).as(onTheSpot.body()).isEqualTo(200);
        assertThat(onTheSpot.json().get("done").has("flag")).isFalse();

        Response badPhoto = tick("gridworker", tasks.get(2).get("id").asString(), new Multipart().field("lon", "106.5").field("lat", "29.5")
                .file("photo", "p.png", "image/png", new byte[] {1, 2, 3}));
        assertThat(badPhoto.status()).isEqualTo(415);
        Response badLon = tick("gridworker", tasks.get(2).get("id").asString(), new Multipart().field("lon", "east").field("lat", "29.5"));
        assertThat(badLon.status()).isEqualTo(400);
        assertThat(badLon.json().get("code").asString()).isEqualTo("INVALID_COORDINATES");

        Response rates = get("/api/v1/duty/completion?unit=500104001&by=grid", "xinshancun");
        assertThat(rates.status()).as(rates.body()).isEqualTo(200);
        JsonNode ours = null;
        for (JsonNode row : rates.json().get("items")) {
            if (row.get("key").asString().equals(GRID)) {
                ours = row;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.get("done").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(ours.get("flagged").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/v1/duty/completion?unit=500106004&by=street", "xinshancun").status()).isEqualTo(403);
    }

    @Test
    void registersAreClearForTheGridWorkerMaskedForOthersAndHiddenOutsideTheTerritory() {
        Map<String, String> expected = Map.of("gridworker", "clear", "community", "masked", "xinshancun", "masked", "dadukou", "masked",
                "city", "masked", "citizen", "forbidden", "ciqikou", "forbidden");
        expected.forEach((user, outcome) -> {
            Response r = get("/api/v1/duty/registers/people?unit=" + GRID + "&size=20", user);
            if (outcome.equals("forbidden")) {
                assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(403);
                assertThat(r.body()).as(user).doesNotContain("idNumber");
                return;
            }
            assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(200);
            assertThat(r.json().size()).as(user).isEqualTo(20);
            for (JsonNode person : r.json()) {
                String id = person.get("idNumber").asString();
                String phone = person.has("phone") ? person.get("phone").asString() : "";
                if (outcome.equals("clear")) {
                    assertThat(id).as(user).matches("\\d{17}[\\dX]");
                    assertThat(person.get("name").asString()).as(user).doesNotContain("*");
                } else {
                    assertThat(id).as(user).contains("****");
                    assertThat(person.get("name").asString()).as(user).contains("*");
                    assertThat(phone).as(user).satisfiesAnyOf(p -> assertThat(p).isEmpty(), p -> assertThat(p).contains("****"));
                }
            }
        });
    }

    @Test
    void csvImportNamesBadLinesImportsNothingThenIsIdempotent() {
        String header = "grid_code,name,id_number,phone,address,key_groups\n";
        String good = GRID + ",测试甲,500104185001011111,13800000001,重庆市大渡口区新山村街道测试路1号,LONE_ELDERLY\n"
                + GRID + ",测试乙,500104185001022222,,重庆市大渡口区新山村街道测试路2号,\n";
        String bad = header + good + GRID + ",测试丙,12345,13800000003,重庆市测试路3号,\n"
                + "500106004001001,测试丁,500104185001033333,13800000004,重庆市测试路4号,\n"
                + GRID + ",测试戊,500104185001044444,13800000005,重庆市测试路5号,NOBODY\n";
        Response refused = importPeople("xinshancun", bad);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_ROWS");
        String detail = refused.json().get("detail").asString();
        assertThat(detail).contains("line 4: id_number", "line 5: grid_code 500106004001001 is outside", "line 6: key_groups")
                .doesNotContain("line 2", "line 3");
        assertThat(search("1111").size()).as("nothing imported").isZero();

        Response first = importPeople("xinshancun", header + good);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("rows").asInt()).isEqualTo(2);
        assertThat(first.json().get("created").asInt()).isEqualTo(2);
        Response again = importPeople("xinshancun", header + good.replace("测试甲", "测试甲改"));
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isEqualTo(2);
        JsonNode found = search("1111");
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).get("name").asString()).isEqualTo("测试甲改");
        assertThat(found.get(0).get("keyGroups").get(0).asString()).isEqualTo("LONE_ELDERLY");
        // a tail is matched from the end only; a name fragment anywhere in the name (street-local indexes, V2026_12_07_0400)
        assertThat(names(search("22222"))).contains("测试乙").doesNotContain("测试甲改");
        assertThat(names(search("02222"))).as("digits of the number that are not its tail").doesNotContain("测试乙");
        assertThat(names(search("甲改"))).containsExactly("测试甲改");
        assertThat(names(search("5001"))).as("the district part of the number is not its tail").doesNotContain("测试乙", "测试甲改");
        // the same searches over the whole street (the street-local indexes; the street operator sees names masked, so by id)
        String yi = "";
        for (JsonNode p : search("22222")) {
            yi = p.get("name").asString().equals("测试乙") ? p.get("id").asString() : yi;
        }
        String jia = found.get(0).get("id").asString();
        assertThat(ids(searchStreet("22222"))).contains(yi).doesNotContain(jia);
        assertThat(ids(searchStreet("02222"))).doesNotContain(yi);
        assertThat(ids(searchStreet("甲改"))).contains(jia).doesNotContain(yi);
        assertThat(ids(searchStreet("5001"))).doesNotContain(yi, jia);
        assertThat(importPeople("xinshancun", header + good.replace("测试甲", "测试甲改")).json().get("updated").asInt()).isEqualTo(2);
        String history = "/api/v1/duty/registers/people/" + found.get(0).get("id").asLong() + "/history";
        JsonNode changes = get(history, "gridworker").json();
        assertThat(changes.size()).as("created, renamed; the identical third import changed nothing").isEqualTo(2);
        assertThat(changes.get(0).get("action").asString()).isEqualTo("UPDATED");
        assertThat(changes.get(0).get("fields").toString()).isEqualTo("[\"name\"]");
        assertThat(changes.get(0).get("by").asString()).isEqualTo("xinshancun");
        assertThat(changes.get(1).get("action").asString()).isEqualTo("CREATED");
        assertThat(get(history, "ciqikou").status()).isEqualTo(403);
        assertThat(get("/api/v1/duty/registers/people/999999999/history", "gridworker").status()).isEqualTo(404);

        assertThat(importPeople("ciqikou", header + good).status()).isEqualTo(403);
        assertThat(importPeople("xinshancun", "name\n张三\n").json().get("code").asString()).isEqualTo("INVALID_CSV_HEADER");
        assertThat(get("/api/v1/duty/registers/pets?unit=" + GRID, "gridworker").status()).isEqualTo(404);
    }

    @Test
    void everyRegisterKindImportsOnItsNaturalKey() {
        String shops = "grid_code,credit_code,name,kind,address,contact_name,contact_phone,frontage_duty\n"
                + GRID + ",92500104ABCD00001A,测试面馆,shop,重庆市大渡口区新山村街道测试路9号,王测试,13800000009,是\n";
        Response first = importInto("enterprises", shops);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(importInto("enterprises", shops).json().get("created").asInt()).isZero();
        Response found = get("/api/v1/duty/registers/enterprises?unit=" + GRID + "&q=" + enc("0001A"), "community");
        assertThat(found.json().size()).isEqualTo(1);
        assertThat(found.json().get(0).get("frontageDuty").asBoolean()).isTrue();
        assertThat(found.json().get(0).get("kind").asString()).isEqualTo("SHOP");
        assertThat(found.json().get(0).get("contactPhone").asString()).as("masked for community staff").contains("****");

        Response houses = importInto("houses", "grid_code,address,building,unit,room,occupancy\n"
                + GRID + ",重庆市大渡口区新山村街道测试路9号99栋1单元1-1,99,1,1-1,TENANT\n"
                + GRID + ",重庆市大渡口区新山村街道测试路9号99栋1单元1-2,99,1,1-2,RENTED\n");
        assertThat(houses.status()).isEqualTo(400);
        assertThat(houses.json().get("detail").asString()).contains("line 3: occupancy must be one of OWNER, TENANT, VACANT");

        Response places = importInto("places", "grid_code,code,name,kind,address,fire_lane,lon,lat\n"
                + GRID + ",KP-TEST-1,测试小学,SCHOOL,重庆市大渡口区新山村街道测试路10号,true,106.48,\n");
        assertThat(places.status()).isEqualTo(400);
        assertThat(places.json().get("detail").asString()).contains("line 2: lon and lat come together");
    }

    @Test
    void theCityAndADistrictPublishNewVersionsOfTheirOwnPartOnly() {
        JsonNode before = get("/api/v1/duty/list", "gridworker").json();
        int version = before.get("version").asInt();
        StringBuilder cityItems = new StringBuilder();
        for (JsonNode item : before.get("items")) {
            if (!item.has("districtCode")) {
                cityItems.append(cityItems.isEmpty() ? "" : ",").append(JSON.writeValueAsString(Map.of("code", item.get("code").asString(),
                        "category", item.get("category").asString(), "titleZh", item.get("titleZh").asString(), "titleEn",
                        item.get("titleEn").asString(), "subjectKind", item.get("subjectKind").asString(), "everyDays",
                        item.get("everyDays").asInt())));
            }
        }
        Response city = put("/api/v1/duty/list/city", "city", "{\"items\": [" + cityItems + "]}");
        assertThat(city.status()).as(city.body()).isEqualTo(200);
        assertThat(city.json().get("version").asInt()).isGreaterThan(version);
        assertThat(city.json().get("items").size()).isEqualTo(before.get("items").size());
        assertThat(put("/api/v1/duty/list/city", "dadukou", "{\"items\": []}").status()).isEqualTo(403);

        String flood = "{\"items\": [{\"code\": \"YANGTZE_BANK_PATROL\", \"titleZh\": \"长江岸线巡查\", \"titleEn\": \"Yangtze bank\","
                + " \"subjectKind\": \"GRID\", \"everyDays\": 7}, {\"code\": \"FLOOD_SEASON_CHECK\", \"titleZh\": \"汛期隐患排查\","
                + " \"titleEn\": \"Flood season check\", \"subjectKind\": \"GRID\", \"everyDays\": 30}]}";
        Response district = put("/api/v1/duty/list/districts/500104", "dadukou", flood);
        assertThat(district.status()).as(district.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        district.json().get("items").forEach(i -> codes.add(i.get("code").asString() + "@" + (i.has("districtCode") ? i.get("districtCode").asString() : "city")));
        assertThat(codes).contains("FLOOD_SEASON_CHECK@500104", "YANGTZE_BANK_PATROL@500104", "OLD_TOWN_CROWD_WATCH@500106", "GRID_PATROL@city");
        assertThat(put("/api/v1/duty/list/districts/500106", "dadukou", flood).json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(put("/api/v1/duty/list/districts/500104", "xinshancun", flood).json().get("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");
        Response bad = put("/api/v1/duty/list/districts/500104", "dadukou", flood.replace("\"everyDays\": 30", "\"everyDays\": 0"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("INVALID_ITEM");
    }

    Response put(String path, String user, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void aPastDayIsNotPlannedAfterwards() {
        assertThat(tasks("gridworker", today().minusDays(30)).size()).isZero();
        assertThat(get("/api/v1/duty/tasks?date=yesterday", "gridworker").json().get("code").asString()).isEqualTo("INVALID_DATE");
        assertThat(get("/api/v1/duty/tasks", "citizen").status()).isEqualTo(403);
    }

    static List<String> ids(JsonNode people) {
        List<String> ids = new ArrayList<>();
        people.forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    static List<String> names(JsonNode people) {
        List<String> names = new ArrayList<>();
        people.forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    /** A search of the whole street (新山村街道), which the street-local indexes answer. */
    JsonNode searchStreet(String q) {
        Response r = get("/api/v1/duty/registers/people?unit=500104001&size=200&q=" + enc(q), "xinshancun");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode search(String q) {
        Response r = get("/api/v1/duty/registers/people?unit=" + GRID + "&q=" + enc(q), "gridworker");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    Response importInto(String register, String csv) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/duty/registers/" + register + "/import?unit=500104001001")))
                .header("Authorization", basic("community", "demo")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build());
    }

    Response importPeople(String user, String csv) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/duty/registers/people/import?unit=500104001")))
                .header("Authorization", basic(user, "demo")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build());
    }

    Response tick(String user, String taskId, Multipart form) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/duty/tasks/" + taskId + "/done")))
                .header("Authorization", basic(user, "demo")).header("Content-Type", form.contentType()).POST(form.publisher()).build());
    }

    String gridOf(String street) {
        TerritoryUnit unit = geo.requireUnit(UnitCode.of(street));
        while (unit.level() != TerritoryLevel.GRID) {
            unit = geo.children(UnitCode.of(unit.code())).get(0);
        }
        return unit.code();
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
