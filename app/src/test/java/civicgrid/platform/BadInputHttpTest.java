package civicgrid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import civicgrid.support.Multipart;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad input answers 4xx with problem details (the spec's error list on /open311), never a 5xx,
 * whether Tomcat, the security firewall, a filter, Jackson or a controller refuses it.
 */
class BadInputHttpTest extends IntegrationTest {

    private static final String SOME_CASE = "/api/v1/cases/00000000-0000-0000-0000-000000000000";

    private Response raw(String method, String path, String user, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (user != null) {
            b.header("Authorization", basic(user, "demo"));
        }
        return send(b.build());
    }

    private static JsonNode problem(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).as(r.body()).isEqualTo(code);
        assertThat(body.get("detail").asString()).isNotBlank().doesNotContain("Exception", "java.", "[L");
        return body;
    }

    /** GeoReport v2's error list: {@code [{"code": status, "description": "CODE: message"}]}. */
    private static void open311Error(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/json");
        JsonNode errors = r.json();
        assertThat(errors.isArray()).as(r.body()).isTrue();
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
        assertThat(errors.get(0).get("description").asString()).as(r.body()).startsWith(code + ": ");
    }

    @Test
    void aNulInASearchIsRefusedNamingTheParameter() {
        JsonNode body = problem(get("/api/v1/cases?q=%00", "city"), 400, "INVALID_CHARACTERS");
        assertThat(body.get("detail").asString()).contains("'q'", "U+0000");
        problem(get("/api/v1/cases?q=a%01b", "city"), 400, "INVALID_CHARACTERS");
        // tab, CR and LF are text
        assertThat(get("/api/v1/cases?q=a%09b%0D%0Ac", "city").status()).isEqualTo(200);
    }

    @Test
    void open311AnswersANulUnauthenticatedInTheSpecsFormat() {
        open311Error(get("/open311/v2/requests.json?service_request_id=%00", null), 400, "INVALID_CHARACTERS");
        Response xml = get("/open311/v2/requests.xml?service_request_id=%00", null);
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.body()).contains("<errors><error><code>400</code><description>INVALID_CHARACTERS: ");
        open311Error(get("/open311/v2/requests/%00.json", null), 400, "MALFORMED_URL");
    }

    @Test
    void aNulInAJsonFieldIsRefusedNamingTheField() {
        JsonNode body = problem(postJson("/api/v1/cases", "city",
                "{\"category\":\"E0101\",\"description\":\"a\\u0000b\",\"lon\":106.5,\"lat\":29.4}"), 400, "INVALID_CHARACTERS");
        assertThat(body.get("detail").asString()).contains("'description'");
        problem(postJson(SOME_CASE + "/actions/verify", "city", "{\"departments\":[\"ok\",\"x\\u0007\"]}"), 400, "INVALID_CHARACTERS");
    }

    @Test
    void numbersThatAreNotFiniteAreRefused() {
        for (String lon : new String[] {"\"NaN\"", "\"Infinity\"", "-1e309"}) {
            JsonNode body = problem(postJson("/api/v1/cases", "city",
                    "{\"category\":\"E0101\",\"description\":\"x\",\"lon\":" + lon + ",\"lat\":29.4}"), 400, "INVALID_NUMBER");
            assertThat(body.get("detail").asString()).contains("'lon'");
        }
    }

    @Test
    void aNullVideoAlertIsAMissingBody() {
        problem(postJsonWithKey("/api/v1/video-alerts", "demo-video-key", "null"), 400, "BODY_REQUIRED");
    }

    @Test
    void aMalformedFormBodyIsABadRequest() {
        open311Error(raw("POST", "/open311/v2/requests.json", null, "application/x-www-form-urlencoded",
                "api_key=demo-key&service_code=%zz".getBytes(StandardCharsets.US_ASCII)), 400, "MALFORMED_PARAMETERS");
        problem(raw("POST", "/api/v1/cases", "city", "application/x-www-form-urlencoded", "x=%zz".getBytes(StandardCharsets.US_ASCII)), 400,
                "MALFORMED_PARAMETERS");
        // without an account the body is never read: the answer is the sign-in's, as problem details
        problem(raw("POST", SOME_CASE + "/attachments", null, "multipart/form-data", "x".getBytes(StandardCharsets.US_ASCII)), 401,
                "UNAUTHENTICATED");
    }

    @Test
    void aBrowserSendingAnUndecodableSignInGetsTheErrorPageWithTheCode() {
        Response page = send(HttpRequest.newBuilder(URI.create(url("/login"))).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=%zz&password=demo")).build());
        assertThat(page.status()).as(page.body()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"error-code\">MALFORMED_REQUEST<");
    }

    @Test
    void malformedMultipartBodiesAreBadRequests() {
        byte[] garbage = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nno end".getBytes(StandardCharsets.UTF_8);
        problem(raw("POST", SOME_CASE + "/attachments", "city", "multipart/form-data; boundary=b", garbage), 400, "MALFORMED_MULTIPART");
        open311Error(raw("POST", "/open311/v2/requests.json?api_key=demo-key", null, "multipart/form-data; boundary=b", garbage), 400,
                "MALFORMED_MULTIPART");
        Multipart nulName = new Multipart().field("api_key", "demo-key").file("media", "a\u0001.jpg", "image/jpeg", new byte[] {1, 2});
        open311Error(send(HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.json"))).header("Content-Type", nulName.contentType())
                .POST(nulName.publisher()).build()), 400, "INVALID_CHARACTERS");
    }

    @Test
    void whatTomcatRefusesBeforeTheApplicationIsProblemDetails() {
        problem(get("/api/v1/cases/%00", "city"), 400, "MALFORMED_URL");
        problem(get("/api/v1/cases/a%2Fb", "city"), 400, "MALFORMED_URL");
        problem(get("/cases/%00", null), 400, "MALFORMED_URL");
        Response huge = get("/api/v1/cases?q=" + "a".repeat(70_000), "city");
        assertThat(huge.status()).isBetween(400, 431);
        assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(huge.json().get("code").asString()).isNotBlank();
    }

    @Test
    void whatTheSecurityFirewallRejectsIsProblemDetails() {
        problem(get("/api/v1/cases/%2e%2e/x", "city"), 400, "REQUEST_REJECTED");
        problem(get("/api/v1/cases;jsessionid=1", "city"), 400, "REQUEST_REJECTED");
        problem(get("/api//cases", null), 400, "REQUEST_REJECTED");
        problem(get("/queue;jsessionid=1", null), 400, "REQUEST_REJECTED");
    }

    @Test
    void messagesShowNoJavaInternals() {
        JsonNode body = problem(get("/api/v1/identity/users?page=x&page=y", "admin"), 400, "INVALID_PARAMETER");
        assertThat(body.get("detail").asString()).contains("'page'", "x,y");
        Response csv = send(HttpRequest.newBuilder(URI.create(url("/api/v1/hotline/orders/batch"))).header("Content-Type", "text/csv")
                .header("X-Api-Key", "demo-hotline-key")
                .POST(HttpRequest.BodyPublishers.ofString("order_no,description\n\"a\"b,c\n")).build());
        assertThat(csv.status()).as(csv.body()).isEqualTo(400);
        assertThat(csv.json().get("detail").asString()).doesNotContain("Exception", "org.apache");
    }
}
