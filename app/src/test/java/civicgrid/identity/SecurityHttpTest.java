package civicgrid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Authentication, pages, open endpoints and masking over HTTP (throttled sign-ins: {@link LoginThrottleHttpTest}). */
class SecurityHttpTest extends IntegrationTest {

    private Response getAs(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, password)).GET().build());
    }

    @Test
    void everyDemoAccountSignsInWithItsRoleAndScope() {
        String[][] expected = {{"admin", "ADMINISTRATOR", "500000"}, {"city", "CITY_OPERATOR", "500000"},
            {"leader", "LEADER", "500000"}, {"dadukou", "DISTRICT_OPERATOR", "500104"},
            {"xinshancun", "STREET_OPERATOR", "500104001"}, {"ciqikou", "STREET_OPERATOR", "500106004"},
            {"sanitation.dadukou", "DEPARTMENT_HANDLER", "500104"}, {"gridworker", "GRID_WORKER", "500104001001001"}};
        for (String[] e : expected) {
            JsonNode me = get("/api/v1/identity/me", e[0]).json();
            assertThat(me.get("role").asString()).as(e[0]).isEqualTo(e[1]);
            assertThat(me.get("scope").get(0).asString()).as(e[0]).isEqualTo(e[2]);
        }
        JsonNode xinshancun = get("/api/v1/identity/me", "xinshancun").json();
        assertThat(xinshancun.get("postCode").asString()).isEqualTo("GENERAL_COORDINATION");
        assertThat(xinshancun.get("sector").asString()).isEqualTo("PARTY");
        assertThat(get("/api/v1/identity/me", "citizen").json().get("role").asString()).isEqualTo("CITIZEN");
        assertThat(get("/api/v1/identity/me", "sanitation.dadukou").json().get("departmentCode").asString()).isEqualTo("SANITATION");
    }

    @Test
    void wrongPasswordIs401WithoutDetailsAboutTheAccount() {
        Response r = getAs("/api/v1/identity/me", "ciqikou", "not-the-password");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(r.header("WWW-Authenticate")).contains("Basic");
        assertThat(getAs("/api/v1/identity/me", "nobody-at-all", "x").json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void onlyAdministratorsCreateAccountsAndInputIsValidated() {
        String body = "{\"username\":\"newop\",\"password\":\"secret-123\",\"displayName\":\"新\",\"role\":\"STREET_OPERATOR\",\"scope\":[\"500104001\"]}";
        Response denied = postJson("/api/v1/identity/users", "xinshancun", body);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");
        Response badRole = postJson("/api/v1/identity/users", "admin", body.replace("STREET_OPERATOR", "KING"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("code").asString()).isEqualTo("MALFORMED_BODY");
        Response badFields = postJson("/api/v1/identity/users", "admin",
                "{\"username\":\"X Y\",\"password\":\"short\",\"displayName\":\"\",\"role\":\"CITIZEN\",\"scope\":[\"12\"],\"phone\":\"123\"}");
        assertThat(badFields.status()).isEqualTo(400);
        assertThat(badFields.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(badFields.json().get("errors").size()).isGreaterThanOrEqualTo(4);
        Response unknownPost = postJson("/api/v1/identity/users", "admin", body.replace("\"scope\"", "\"postCode\":\"NOPE\",\"scope\""));
        assertThat(unknownPost.json().get("code").asString()).isEqualTo("UNKNOWN_POST");
        assertThat(postJson("/api/v1/identity/users", "admin", body).status()).isEqualTo(201);
        assertThat(postJson("/api/v1/identity/users", "admin", body).json().get("code").asString()).isEqualTo("USERNAME_TAKEN");
    }

    @Test
    void personalDataIsMaskedForRolesThatDoNotNeedIt() {
        JsonNode asAdmin = get("/api/v1/identity/users?role=CITIZEN", "admin").json();
        JsonNode citizenForAdmin = find(asAdmin, "citizen");
        assertThat(citizenForAdmin.get("phone").asString()).isEqualTo("138****8000");
        assertThat(citizenForAdmin.get("idNumber").asString()).isEqualTo("500104********1234");
        assertThat(citizenForAdmin.get("address").asString()).endsWith("****").doesNotContain("5-2");
        JsonNode self = get("/api/v1/identity/me", "citizen").json();
        assertThat(self.get("phone").asString()).as("one's own data is clear").isEqualTo("13800138000");
        JsonNode asStreet = get("/api/v1/identity/users?role=GRID_WORKER", "xinshancun").json();
        assertThat(find(asStreet, "gridworker").get("phone").asString()).as("street operators call their grid workers")
                .isEqualTo("13900000009");
        JsonNode asDistrict = get("/api/v1/identity/users?role=GRID_WORKER", "dadukou").json();
        assertThat(find(asDistrict, "gridworker").get("phone").asString()).isEqualTo("139****0009");
        JsonNode ciqikouList = get("/api/v1/identity/users?role=GRID_WORKER", "ciqikou").json();
        assertThat(ciqikouList.size()).as("another street's grid worker is not listed").isZero();
        assertThat(get("/api/v1/identity/users", "gridworker").status()).isEqualTo(403);
    }

    private static JsonNode find(JsonNode array, String username) {
        for (JsonNode n : array) {
            if (n.get("username").asString().equals(username)) {
                return n;
            }
        }
        throw new AssertionError(username + " not in " + array);
    }

    @Test
    void pagesUseFormLoginInChineseByDefault() {
        Response home = get("/", null);
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/login");
        Response login = get("/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("智治网格").contains("登录").contains("lang=\"zh-CN\"");
        Response english = get("/login?lang=en", null);
        assertThat(english.body()).contains("Sign in").contains("CivicGrid");
    }

    @Test
    void monitoringAndApiDescriptionAreOpen() {
        assertThat(get("/actuator/health", null).json().get("status").asString()).isEqualTo("UP");
        Response prometheus = get("/actuator/prometheus", null);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        Response api = get("/v3/api-docs", null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("paths").has("/api/v1/geo/locate")).isTrue();
        assertThat(get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void unknownApiPathsAre404ProblemsForSignedInUsers() {
        Response r = get("/api/v1/nothing-here", "city");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asString()).isEqualTo("NOT_FOUND");
        Response wrongMethod = send(HttpRequest.newBuilder(URI.create(url("/api/v1/geo/tree")))
                .header("Authorization", basic("city", "demo")).DELETE().build());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void aBurstOfSignedInRequestsLargerThanThePoolNeitherStallsNorLeavesSessions() throws Exception {
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(64);
        try {
            java.util.List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(clients.submit(() -> get("/api/v1/identity/me", "xinshancun")));
            }
            for (java.util.concurrent.Future<Response> a : answers) {
                Response r = a.get(20, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(200);
                // Basic clients carry no cookie: a session per request would only pile up
                assertThat(r.header("Set-Cookie")).isNull();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aConsoleWhoseSessionExpiredLandsOnTheSignInPageSayingSo() {
        Response stale = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/map")))
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF").GET().build());
        assertThat(stale.status()).isEqualTo(302);
        assertThat(stale.header("Location")).endsWith("/login?expired");
        Response login = get("/login?expired", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"session-expired\"").contains("登录已超时");
    }
}
