package civicgrid.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The shipped catalog, versioned changes by administrators, the editable calendar. */
class CatalogHttpTest extends IntegrationTest {

    @Autowired
    CatalogApi catalog;

    @Test
    void theShippedCatalogIsLoaded() {
        JsonNode categories = get("/api/v1/catalog/categories", "city").json();
        assertThat(categories.size()).isEqualTo(122);
        assertThat(get("/api/v1/catalog/departments", "city").json().size()).isEqualTo(29);
        JsonNode garbage = get("/api/v1/catalog/categories/E0101", "xinshancun").json();
        assertThat(garbage.get("nameZh").asString()).isEqualTo("暴露垃圾");
        assertThat(garbage.get("departmentCode").asString()).isEqualTo("SANITATION");
        assertThat(garbage.get("version").asInt()).isEqualTo(1);
        Category manhole = catalog.category("C0101").orElseThrow();
        assertThat(manhole.disposalLimit(false).clock()).isEqualTo(ClockType.WORK_HOURS);
        assertThat(manhole.disposalLimit(false).amount()).isEqualByComparingTo("8");
        assertThat(manhole.disposalLimit(true).clock()).isEqualTo(ClockType.URGENT_HOURS);
        assertThat(manhole.disposalLimit(true).amount()).isEqualByComparingTo("2");
        assertThat(catalog.department("SANITATION").orElseThrow().instanceFor("500104", "500104001", "500104001001"))
                .isEqualTo("500104:SANITATION");
        assertThat(catalog.department("WATER_SUPPLY").orElseThrow().instanceFor("500104", "500104001", "500104001001"))
                .isEqualTo("CITY:WATER_SUPPLY");
        assertThat(catalog.department("STREET_SERVICE").orElseThrow().instanceFor("500104", "500104001", "500104001001"))
                .isEqualTo("500104001:STREET_SERVICE");
        assertThat(catalog.department("COMMUNITY").orElseThrow().instanceFor("500104", "500104001", "500104001001"))
                .isEqualTo("500104001001:COMMUNITY");
    }

    @Test
    void administratorsAddRetimeAndRetireCategoriesAsNewVersions() {
        String body = "{\"code\":\"E9901\",\"kind\":\"EVENT\",\"majorZh\":\"测试\",\"majorEn\":\"Test\",\"nameZh\":\"测试类别\","
                + "\"nameEn\":\"Test category\",\"sector\":\"LIVELIHOOD\",\"clock\":\"WORK_HOURS\",\"limit\":4,\"department\":\"SANITATION\"}";
        assertThat(postJson("/api/v1/catalog/categories", "xinshancun", body).status()).isEqualTo(403);
        Response created = postJson("/api/v1/catalog/categories", "admin", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(postJson("/api/v1/catalog/categories", "admin", body).json().get("code").asString()).isEqualTo("CATEGORY_EXISTS");
        Response retimed = postJson("/api/v1/catalog/categories/E9901/retime", "admin",
                "{\"clock\":\"WORK_DAYS\",\"limit\":2,\"reason\":\"more realistic\"}");
        assertThat(retimed.json().get("version").asInt()).isEqualTo(2);
        assertThat(retimed.json().get("clock").asString()).isEqualTo("WORK_DAYS");
        JsonNode first = get("/api/v1/catalog/categories/E9901?version=1", "city").json();
        assertThat(first.get("clock").asString()).as("a case keeps the version it was registered with").isEqualTo("WORK_HOURS");
        Response retired = postJson("/api/v1/catalog/categories/E9901/retire", "admin", "{\"reason\":\"test over\"}");
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        assertThat(postJson("/api/v1/catalog/categories/E9901/retire", "admin", "{\"reason\":\"again\"}").json().get("code")
                .asString()).isEqualTo("CATEGORY_RETIRED");
        JsonNode active = get("/api/v1/catalog/categories", "city").json();
        active.forEach(c -> assertThat(c.get("code").asString()).isNotEqualTo("E9901"));
    }

    @Test
    void badCatalogInputIsRefusedClearly() {
        assertThat(postJson("/api/v1/catalog/categories", "admin", "{\"code\":\"X1\"}").json().get("code").asString())
                .isEqualTo("VALIDATION_FAILED");
        String unknownDept = "{\"code\":\"E9902\",\"kind\":\"EVENT\",\"majorZh\":\"测试\",\"majorEn\":\"Test\",\"nameZh\":\"测试\","
                + "\"nameEn\":\"Test\",\"sector\":\"LIVELIHOOD\",\"clock\":\"WORK_HOURS\",\"limit\":4,\"department\":\"NOPE\"}";
        assertThat(postJson("/api/v1/catalog/categories", "admin", unknownDept).json().get("code").asString())
                .isEqualTo("UNKNOWN_DEPARTMENT");
        assertThat(postJson("/api/v1/catalog/categories/E0101/retime", "admin", "{\"limit\":-3,\"reason\":\"x\"}").json()
                .get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(postJson("/api/v1/catalog/categories/E0101/retime", "admin", "{\"clock\":\"MOON_HOURS\",\"reason\":\"x\"}")
                .json().get("code").asString()).isEqualTo("MALFORMED_BODY");
        assertThat(get("/api/v1/catalog/categories/Z0000", "city").status()).isEqualTo(404);
        assertThat(get("/api/v1/catalog/calendar/1066", "city").json().get("code").asString()).isEqualTo("INVALID_YEAR");
    }

    @Test
    void theCalendarShips2026AndIsEditable() {
        JsonNode year = get("/api/v1/catalog/calendar/2026", "city").json();
        assertThat(year.get("2026-10-01").asString()).isEqualTo("HOLIDAY");
        assertThat(year.get("2026-10-10").asString()).isEqualTo("WORKDAY");
        assertThat(year.size()).isEqualTo(33 + 6);
        Instant fridayEvening = LocalDateTime.parse("2027-03-05T17:00").atZone(WorkCalendar.CHINA).toInstant();
        TimeLimit twoHours = TimeLimit.of(ClockType.WORK_HOURS, 2);
        assertThat(catalog.deadlines().deadline(fridayEvening, twoHours))
                .isEqualTo(LocalDateTime.parse("2027-03-08T10:00").atZone(WorkCalendar.CHINA).toInstant());
        Response set = send(HttpRequest.newBuilder(URI.create(url("/api/v1/catalog/calendar/days/2027-03-06")))
                .header("Authorization", basic("admin", "demo")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"WORKDAY\",\"note\":\"test make-up day\"}")).build());
        assertThat(set.status()).isEqualTo(200);
        assertThat(catalog.deadlines().deadline(fridayEvening, twoHours))
                .isEqualTo(LocalDateTime.parse("2027-03-06T10:00").atZone(WorkCalendar.CHINA).toInstant());
        Response cleared = send(HttpRequest.newBuilder(URI.create(url("/api/v1/catalog/calendar/days/2027-03-06")))
                .header("Authorization", basic("admin", "demo")).DELETE().build());
        assertThat(cleared.status()).isEqualTo(204);
        assertThat(catalog.deadlines().deadline(fridayEvening, twoHours))
                .isEqualTo(LocalDateTime.parse("2027-03-08T10:00").atZone(WorkCalendar.CHINA).toInstant());
        Response notAdmin = send(HttpRequest.newBuilder(URI.create(url("/api/v1/catalog/calendar/days/2027-03-06")))
                .header("Authorization", basic("city", "demo")).DELETE().build());
        assertThat(notAdmin.status()).isEqualTo(403);
        Response badDate = send(HttpRequest.newBuilder(URI.create(url("/api/v1/catalog/calendar/days/2027-13-45")))
                .header("Authorization", basic("admin", "demo")).DELETE().build());
        assertThat(badDate.status()).isEqualTo(400);
    }
}
