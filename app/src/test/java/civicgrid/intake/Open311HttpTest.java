package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Open311 GeoReport v2 as an external client sees it: every answer checked against the spec's
 * schemas in both formats, the token flow to a registered case, the filters, and every error.
 */
class Open311HttpTest extends IntegrationTest {

    @Autowired
    GeoApi geo;

    /** A point inside the n-th grid of a street (tests keep to their own grids so reports do not join each other). */
    private Point in(String street, int n) {
        List<String> grids = geo.children(civicgrid.geo.UnitCode.of(street)).stream()
                .flatMap(c -> geo.children(civicgrid.geo.UnitCode.of(c.code())).stream()).map(g -> g.code()).toList();
        return geo.model().node(grids.get(n)).orElseThrow().geometry().getInteriorPoint();
    }

    private Response postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private String form(String service, Point p, String description) {
        return "api_key=demo-key&service_code=" + service + "&lat=" + p.getY() + "&long=" + p.getX() + "&description=" + enc(description)
                + "&email=" + enc("li.ming@example.org") + "&phone=13812345678";
    }

    @Test
    void discoveryServicesAndDefinitionsFollowTheSchemasInBothFormats() {
        Response discovery = get("/open311/v2/discovery.json", null);
        assertThat(discovery.status()).isEqualTo(200);
        Open311Schemas.assertJson("discovery", discovery.body());

        Response services = get("/open311/v2/services.json", null);
        Open311Schemas.assertJson("services", services.body());
        JsonNode list = services.json();
        assertThat(list.size()).isGreaterThan(80);
        JsonNode garbage = find(list, "service_code", "E0101");
        assertThat(garbage.get("service_name").asString()).isEqualTo("暴露垃圾");
        assertThat(find(get("/open311/v2/services.json?locale=en", null).json(), "service_code", "E0101").get("service_name").asString())
                .isEqualTo("Exposed garbage");
        // residents' private matters are not public services
        assertThat(list.findValuesAsString("service_code")).doesNotContain("E0607", "E0701");

        Response xml = get("/open311/v2/services.xml", null);
        assertThat(xml.header("Content-Type")).startsWith("text/xml");
        Open311Schemas.assertXml("services", xml.body());
        assertThat(xml.body()).contains("<service><service_code>C0101</service_code>");

        Response definition = get("/open311/v2/services/E0101.json", null);
        Open311Schemas.assertJson("service-definition", definition.body());
        assertThat(definition.json().get("attributes").get(0).get("code").asString()).isEqualTo("URGENT");
        Open311Schemas.assertXml("service-definition", get("/open311/v2/services/E0101.xml", null).body());
    }

    @Test
    void aPostedRequestGetsATokenThatLeadsToTheCaseNumberOnceRegistered() {
        Point p = geo.model().node("500104001001001").orElseThrow().geometry().getInteriorPoint();
        Response posted = postForm("/open311/v2/requests.json", form("C0113", p, "垃圾箱被撞倒了，盖子也没了") + "&attribute%5BURGENT%5D=no");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        Open311Schemas.assertJson("post-service-request-response", posted.body());
        String token = posted.json().get(0).get("token").asString();
        assertThat(posted.json().get(0).has("service_request_id")).isFalse();

        Response pending = get("/open311/v2/tokens/" + token + ".json", null);
        Open311Schemas.assertJson("token-response", pending.body());
        assertThat(pending.json().get(0).get("service_request_id").isNull()).isTrue();
        Open311Schemas.assertXml("token-response", get("/open311/v2/tokens/" + token + ".xml", null).body());

        // the grid worker verifies on site and the street registers: the token now names the request
        String caseId = caseIdOfToken(token);
        assertThat(postJson("/api/v1/cases/" + caseId + "/actions/verify", "gridworker", "{}").status()).isEqualTo(200);
        assertThat(postJson("/api/v1/cases/" + caseId + "/actions/register", "xinshancun", "{}").status()).isEqualTo(200);
        String number = get("/open311/v2/tokens/" + token + ".json", null).json().get(0).get("service_request_id").asString();
        assertThat(number).startsWith("CG");

        Response one = get("/open311/v2/requests/" + number + ".json", null);
        Open311Schemas.assertJson("service-requests", one.body());
        JsonNode request = one.json().get(0);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("service_code").asString()).isEqualTo("C0113");
        assertThat(request.get("lat").asDouble()).isEqualTo(p.getY());
        // contact details never leave; the description is the resident's text
        assertThat(one.body()).doesNotContain("li.ming", "13812345678");
        Open311Schemas.assertXml("service-requests", get("/open311/v2/requests/" + number + ".xml", null).body());
    }

    @Test
    void aRequestWithOnlyAnAddressIsPlacedAtTheNamedCommunityAndRegisteredCasesAnswerWithTheirNumber() {
        String form = "api_key=demo-key&service_code=C0205&address_string=" + enc("重庆市大渡口区新山村街道") + "&description="
                + enc("护栏被撞弯了 电话13900001111");
        Response posted = postForm("/open311/v2/requests.xml", form);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        Open311Schemas.assertXml("post-service-request-response", posted.body());
        String token = posted.body().replaceAll("(?s).*<token>([^<]+)</token>.*", "$1");
        String caseId = caseIdOfToken(token);
        JsonNode view = get("/api/v1/cases/" + caseId, "xinshancun").json();
        assertThat(view.get("place").get("streetCode").asString()).isEqualTo("500104001");
    }

    @Test
    void listingsFilterByServiceStatusDatesAndIds() {
        Point p = in("500104001", 8);
        String first = token(postForm("/open311/v2/requests.json", form("C0202", p, "公交站亭顶棚玻璃碎了")));
        Point q = in("500104002", 3);
        token(postForm("/open311/v2/requests.json", form("C0203", q, "交通标志牌被风吹歪了")));
        String caseId = caseIdOfToken(first);
        String number = get("/api/v1/cases/" + caseId, "dadukou").json().get("number").asString();

        Response byService = get("/open311/v2/requests.json?service_code=C0202,C0203", null);
        Open311Schemas.assertJson("service-requests", byService.body());
        assertThat(byService.json().findValuesAsString("service_code")).contains("C0202", "C0203").allMatch(c -> List.of("C0202", "C0203").contains(c));
        assertThat(get("/open311/v2/requests.json?service_code=C0202&status=closed", null).json().findValuesAsString("service_code"))
                .doesNotContain("C0202");
        assertThat(get("/open311/v2/requests.json?service_code=C0202&status=open", null).json().findValuesAsString("service_request_id"))
                .contains(number);
        assertThat(get("/open311/v2/requests.json?service_code=C0202&start_date=2020-01-01T00:00:00%2B08:00&end_date=2020-02-01T00:00:00Z", null)
                .json().size()).isZero();
        // a list of ids overrides the other filters
        Response byId = get("/open311/v2/requests.json?service_request_id=" + number + "&service_code=C0203&status=closed", null);
        assertThat(byId.json().findValuesAsString("service_request_id")).containsExactly(number);
        Open311Schemas.assertXml("service-requests", get("/open311/v2/requests.xml?service_code=C0202", null).body());
    }

    @Test
    void errorsAreTheSpecsListInTheAskedFormat() {
        Point p = in("500104001", 11);
        expectError(postForm("/open311/v2/requests.json", "service_code=E0101&lat=" + p.getY() + "&long=" + p.getX()), 403, "API_KEY_REQUIRED");
        expectError(postForm("/open311/v2/requests.json", "api_key=wrong&service_code=E0101&lat=29.5&long=106.5"), 403, "API_KEY_INVALID");
        expectError(postForm("/open311/v2/requests.json", "api_key=demo-key&service_code=Z9999&lat=29.5&long=106.5"), 404, "UNKNOWN_SERVICE_CODE");
        expectError(postForm("/open311/v2/requests.json", "api_key=demo-key&lat=29.5&long=106.5"), 400, "SERVICE_CODE_REQUIRED");
        expectError(postForm("/open311/v2/requests.json", "api_key=demo-key&service_code=E0101"), 400, "LOCATION_REQUIRED");
        expectError(postForm("/open311/v2/requests.json", "api_key=demo-key&service_code=E0101&lat=95&long=106.5"), 400, "INVALID_COORDINATES");
        expectError(postForm("/open311/v2/requests.json", "api_key=demo-key&service_code=E0101&lat=abc&long=106.5"), 400, "INVALID_COORDINATES");
        expectError(postForm("/open311/v2/requests.json", "api_key=demo-key&service_code=E0101&lat=39.9&long=116.4"), 400, "LOCATION_OUTSIDE_CITY");
        expectError(postForm("/open311/v2/requests.json", "api_key=demo-key&service_code=E0101&address_string=" + enc("火星大道1号")), 400,
                "ADDRESS_NOT_FOUND");
        expectError(postForm("/open311/v2/requests.json", form("E0101", p, "x") + "&attribute%5BURGENT%5D=maybe"), 400, "INVALID_ATTRIBUTE");
        expectError(postForm("/open311/v2/requests.json", form("E0101", p, "x") + "&attribute%5BCOLOR%5D=red"), 400, "UNKNOWN_ATTRIBUTE");
        expectError(postForm("/open311/v2/requests.json", form("E0101", p, "x") + "&media_url=" + enc("javascript:alert(1)")), 400,
                "INVALID_MEDIA_URL");
        expectError(postForm("/open311/v2/requests.json", form("E0101", p, "长".repeat(4001))), 400, "DESCRIPTION_TOO_LONG");
        expectError(get("/open311/v2/requests/CG000.json", null), 404, "REQUEST_NOT_FOUND");
        expectError(get("/open311/v2/tokens/not-a-token.json", null), 404, "TOKEN_NOT_FOUND");
        expectError(get("/open311/v2/services/Z9999.json", null), 404, "UNKNOWN_SERVICE_CODE");
        expectError(get("/open311/v2/services.json?jurisdiction_id=beijing", null), 404, "UNKNOWN_JURISDICTION");
        expectError(get("/open311/v2/requests.json?status=pending", null), 400, "INVALID_STATUS");
        expectError(get("/open311/v2/requests.json?start_date=yesterday", null), 400, "INVALID_DATE");
        expectError(get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", null), 400,
                "DATE_RANGE_TOO_LONG");

        civicgrid.support.Multipart huge = new civicgrid.support.Multipart().field("api_key", "demo-key").field("service_code", "E0101")
                .field("lat", String.valueOf(p.getY())).field("long", String.valueOf(p.getX()))
                .file("media", "big.jpg", "image/jpeg", new byte[11 * 1024 * 1024]);
        // refused while the upload is read, before Open311 sees the request: still the spec's list, with 413
        Response tooBig = send(HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.json"))).header("Content-Type", huge.contentType())
                .POST(huge.publisher()).build());
        expectError(tooBig, 413, "PAYLOAD_TOO_LARGE");
        civicgrid.support.Multipart text = new civicgrid.support.Multipart().field("api_key", "demo-key").field("service_code", "E0101")
                .field("lat", String.valueOf(p.getY())).field("long", String.valueOf(p.getX()))
                .file("media", "notes.txt", "image/jpeg", "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        expectError(send(HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.json"))).header("Content-Type", text.contentType())
                .POST(text.publisher()).build()), 400, "UNSUPPORTED_FILE_TYPE");
        Response xml = postForm("/open311/v2/requests.xml", "service_code=E0101&lat=29.5&long=106.5");
        assertThat(xml.status()).isEqualTo(403);
        Open311Schemas.assertXml("errors", xml.body());
        assertThat(xml.body()).contains("<errors><error><code>403</code><description>API_KEY_REQUIRED");
        // nothing was written by the refused posts
        assertThat(get("/open311/v2/requests.json?service_code=E0101", null).json().findValuesAsString("description")).doesNotContain("x");
    }

    private void expectError(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        Open311Schemas.assertJson("errors", r.body());
        assertThat(r.json().get(0).get("code").asInt()).isEqualTo(status);
        assertThat(r.json().get(0).get("description").asString()).startsWith(code);
    }

    private static String token(Response posted) {
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().get(0).get("token").asString();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String caseIdOfToken(String token) {
        return jdbc.queryForObject("select case_id::text from intake.open311_request where token = ?::uuid", String.class, token);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.get(field).asString())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + list);
    }
}
