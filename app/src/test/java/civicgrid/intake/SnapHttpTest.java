package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.UnitCode;
import civicgrid.support.IntegrationTest;
import civicgrid.support.Multipart;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Residents' snap-and-report API: photos scrubbed, tracking codes, ratings, rate limits and bad input. */
class SnapHttpTest extends IntegrationTest {

    @Autowired
    GeoApi geo;

    /** The centre of the n-th grid of a street. */
    private double[] in(String street, int n) {
        String grid = geo.children(UnitCode.of(street)).stream().flatMap(c -> geo.children(UnitCode.of(c.code())).stream())
                .map(u -> u.code()).skip(n).findFirst().orElseThrow();
        var u = geo.requireUnit(UnitCode.of(grid));
        return new double[] {u.centroidLon(), u.centroidLat()};
    }

    private Response submit(Multipart form) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/public/snap/reports"))).header("Content-Type", form.contentType())
                .POST(form.publisher()).build());
    }

    private Multipart form(String device, String text, double[] at) {
        Multipart m = new Multipart().field("deviceId", device).field("description", text);
        if (at != null) {
            m.field("lon", String.valueOf(at[0])).field("lat", String.valueOf(at[1]));
        }
        return m;
    }

    private static String device() {
        return "dev-" + UUID.randomUUID();
    }

    @Test
    void aReportWithAPhoneFotoIsScrubbedAndFollowedWithItsCode() throws Exception {
        double[] at = in("500104001", 14);
        Response r = submit(form(device(), "人行道上一个大坑，晚上好危险", at).field("category", "C0206")
                .file("photos", "IMG_0001.jpg", "image/jpeg", TestPhotos.phoneJpeg(at[0], at[1])));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String number = r.json().get("number").asString();
        String code = r.json().get("trackingCode").asString();
        assertThat(code).hasSize(8);
        assertThat(r.json().get("state").asString()).isEqualTo("REPORTED");

        Response status = get("/api/v1/public/snap/reports/" + number + "?code=" + code, null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().get("photos").asInt()).isEqualTo(1);
        assertThat(status.json().get("categoryNameZh").asString()).isEqualTo("人行道板");
        assertThat(get("/api/v1/public/snap/reports/" + number + "?code=WRONG123", null).status()).isEqualTo(404);
        assertThat(get("/api/v1/public/snap/reports/" + number, null).status()).isEqualTo(404);

        // the stored photo keeps when and where, nothing about the phone or its owner
        String caseId = caseIdOf(number);
        JsonNode attachment = get("/api/v1/cases/" + caseId + "/attachments", "dadukou").json().get(0);
        HttpResponse<byte[]> photo = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/v1/cases/" + caseId + "/attachments/" + attachment.get("id").asString())))
                .header("Authorization", basic("dadukou", "demo")).build(), HttpResponse.BodyHandlers.ofByteArray());
        JpegImageMetadata kept = (JpegImageMetadata) Imaging.getMetadata(photo.body());
        assertThat(kept.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_MAKE)).isNull();
        assertThat(kept.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_MODEL)).isNull();
        assertThat(kept.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_ARTIST)).isNull();
        assertThat(kept.findExifValueWithExactMatch(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL).getStringValue()).isEqualTo("2026:11:27 09:41:05");
        assertThat(kept.getExif().getGpsInfo().getLongitudeAsDegreesEast()).isCloseTo(at[0], org.assertj.core.data.Offset.offset(1e-5));
        assertThat(new String(photo.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("HUAWEI", "13812345678");

    }

    @Test
    void theResidentRatesAClosedCaseOnceAndOnlyWithTheCode() {
        double[] at = in("500104001", 17);
        Response r = submit(form(device(), "路边有只死猫，好几天了", at).field("category", "E0109"));
        String number = r.json().get("number").asString();
        String code = r.json().get("trackingCode").asString();
        String caseId = caseIdOf(number);
        for (String a : List.of("verify", "register")) {
            assertThat(postJson("/api/v1/cases/" + caseId + "/actions/" + a, "xinshancun", "{}").status()).isEqualTo(200);
        }
        if (!"DISPATCHED".equals(get("/api/v1/cases/" + caseId, "xinshancun").json().get("state").asString())) {
            assertThat(postJson("/api/v1/cases/" + caseId + "/actions/dispatch", "xinshancun", "{\"department\":\"SANITATION\"}").status())
                    .isEqualTo(200);
        }
        assertThat(postJson("/api/v1/cases/" + caseId + "/actions/accept", "sanitation.dadukou", "{}").status()).isEqualTo(200);
        assertThat(postJson("/api/v1/cases/" + caseId + "/actions/report-back", "sanitation.dadukou", "{\"reason\":\"已清理消毒\"}").status())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/cases/" + caseId + "/actions/check-pass", "xinshancun", "{}").status()).isEqualTo(200);
        assertThat(postJson("/api/v1/cases/" + caseId + "/actions/close", "xinshancun", "{}").status()).isEqualTo(200);

        JsonNode status = get("/api/v1/public/snap/reports/" + number + "?code=" + code, null).json();
        assertThat(status.get("state").asString()).isEqualTo("CLOSED");
        assertThat(status.get("canRate").asBoolean()).isTrue();
        assertThat(status.get("steps").findValuesAsString("note")).contains("已清理消毒");
        assertThat(postJson("/api/v1/public/snap/reports/" + number + "/rating", null, "{\"code\":\"BADCODE1\",\"rating\":5}").status())
                .isEqualTo(404);
        Response rated = postJson("/api/v1/public/snap/reports/" + number + "/rating", null, "{\"code\":\"" + code + "\",\"rating\":4}");
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(rated.json().get("state").asString()).isEqualTo("EVALUATED");
        assertThat(rated.json().get("rating").asInt()).isEqualTo(4);
        assertThat(postJson("/api/v1/public/snap/reports/" + number + "/rating", null, "{\"code\":\"" + code + "\",\"rating\":1}").status())
                .isBetween(400, 409);
    }

    @Test
    void aDeviceIsLimitedPerHour() {
        String device = device();
        for (int i = 0; i < 5; i++) {
            Response r = submit(form(device, "共享单车倒了一地 " + i, in("500104004", i)).field("category", "E0511"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        Response sixth = submit(form(device, "共享单车倒了一地 6", in("500104004", 6)).field("category", "E0511"));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.json().get("code").asString()).isEqualTo("TOO_MANY_REPORTS");
        assertThat(submit(form(device(), "共享单车倒了一地 7", in("500104004", 7)).field("category", "E0511")).status()).isEqualTo(201);
    }

    @Test
    void withoutACategoryTheTextDecidesAndSuggestionsArePublicOnly() {
        Response r = submit(form(device(), "小区门口垃圾桶满了，垃圾都溢出来了，臭得很", in("500104004", 9)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("category").asString()).isEqualTo("E0106");
        JsonNode suggestions = postJson("/api/v1/public/snap/suggestions", null, "{\"text\":\"楼上邻居天天吵架打孩子\"}").json();
        assertThat(suggestions.size()).isBetween(1, 3);
        assertThat(suggestions.findValuesAsString("category")).noneMatch(c -> c.startsWith("E07") || c.equals("E0607"));
    }

    @Test
    void residentsMapsReadPublicGeographyWithoutPeople() {
        double[] at = in("500104001", 3);
        Response where = get("/api/v1/public/geo/locate?lon=" + at[0] + "&lat=" + at[1], null);
        assertThat(where.status()).as(where.body()).isEqualTo(200);
        assertThat(where.json().get("street").get("name").asString()).isEqualTo("新山村街道");
        assertThat(where.body()).doesNotContain("chief", "Phone");
        Response around = get("/api/v1/public/geo/around.geojson?lon=" + at[0] + "&lat=" + at[1], null);
        assertThat(around.status()).isEqualTo(200);
        JsonNode features = around.json().get("features");
        assertThat(features.size()).isGreaterThan(1);
        assertThat(features.get(0).get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
        assertThat(get("/api/v1/public/geo/locate?lon=116.4&lat=39.9", null).status()).isEqualTo(404);
        assertThat(get("/api/v1/public/geo/locate?lon=east&lat=39.9", null).status()).isEqualTo(400);
    }

    @Test
    void badInputIsAClear4xxAndWritesNothing() {
        double[] at = in("500104004", 12);
        long before = count();
        assertThat(submit(form(null, "x", at).field("category", "E0101")).json().get("code").asString()).isIn("DEVICE_ID_REQUIRED");
        assertThat(submit(form("short", "x", at)).json().get("code").asString()).isEqualTo("DEVICE_ID_REQUIRED");
        assertThat(submit(form(device(), "", at)).json().get("code").asString()).isEqualTo("INVALID_DESCRIPTION");
        assertThat(submit(form(device(), "井盖没了", null)).json().get("code").asString()).isEqualTo("LOCATION_REQUIRED");
        assertThat(submit(new Multipart().field("deviceId", device()).field("description", "x").field("lon", "abc").field("lat", "29"))
                .json().get("code").asString()).isEqualTo("INVALID_COORDINATES");
        assertThat(submit(form(device(), "井盖没了", new double[] {116.4, 39.9})).json().get("code").asString()).isEqualTo("LOCATION_OUTSIDE_CITY");
        assertThat(submit(form(device(), "井盖没了", new double[] {200, 95})).json().get("code").asString()).isEqualTo("INVALID_COORDINATES");
        Response notImage = submit(form(device(), "井盖没了", at).file("photos", "a.txt", "image/jpeg", "hello".getBytes()));
        assertThat(notImage.status()).isEqualTo(415);
        assertThat(submit(form(device(), "井盖没了", at).field("category", "E0701")).json().get("code").asString()).isEqualTo("UNKNOWN_CATEGORY");
        assertThat(submit(form(device(), "井盖没了", at).field("category", "Z9999")).json().get("code").asString()).isEqualTo("UNKNOWN_CATEGORY");
        Multipart six = form(device(), "井盖没了", at);
        for (int i = 0; i < 6; i++) {
            six.file("photos", "p" + i + ".jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0});
        }
        assertThat(submit(six).json().get("code").asString()).isEqualTo("TOO_MANY_PHOTOS");
        assertThat(postJson("/api/v1/public/snap/reports/CG0/rating", null, "{\"rating\":9}").status()).isEqualTo(400);
        assertThat(postJson("/api/v1/public/snap/suggestions", null, "{\"text\":").status()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private long count() {
        return jdbc.queryForObject("select count(*) from intake.snap_report", Long.class);
    }

    private String caseIdOf(String number) {
        return jdbc.queryForObject("select id::text from cases.case_file where number = ?", String.class, number);
    }
}
