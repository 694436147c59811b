package civicgrid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What protects the console in a browser, over HTTP: security headers on every kind of response, a
 * CSRF token for changes made with the console's session (not for other systems), and a Secure
 * session cookie behind a TLS proxy.
 */
class BrowserDefencesHttpTest extends IntegrationTest {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    /** A signed-in console as a browser has it: the session cookie and the CSRF token its pages carry. */
    private record Console(String cookie, String csrfToken) {
    }

    private Console signIn(String user) {
        Response loginPage = send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build());
        String anonymous = cookie(loginPage);
        Matcher token = HIDDEN_CSRF.matcher(loginPage.body());
        assertThat(token.find()).as("the sign-in form carries its CSRF token").isTrue();
        Response login = send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Cookie", "JSESSIONID=" + anonymous).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + enc(token.group(1)))).build());
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).doesNotContain("error");
        String session = cookie(login);
        Response map = send(HttpRequest.newBuilder(URI.create(url("/map"))).header("Cookie", "JSESSIONID=" + session).GET().build());
        assertThat(map.status()).isEqualTo(200);
        Matcher meta = META_CSRF.matcher(map.body());
        return new Console(session, meta.find() ? meta.group(1) : null);
    }

    private static String cookie(Response r) {
        for (String header : r.raw().headers().allValues("Set-Cookie")) {
            Matcher m = SESSION_COOKIE.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no session cookie in " + r.raw().headers().map());
    }

    private Response classify(Console console, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/v1/intake/classify")))
                .header("Cookie", "JSESSIONID=" + console.cookie()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"小区门口垃圾满了没人清运\"}"));
        if (token != null) {
            b.header("X-CSRF-TOKEN", token);
        }
        return send(b.build());
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Console console = signIn("city");
        List<Response> responses = List.of(
                get("/login", null), get("/", null), get("/snap", null), get("/js/common.js", null), get("/actuator/health", null),
                get("/open311/v2/discovery.json", null), get("/api/v1/public/snap/categories", null),
                get("/api/v1/geo/tree", "city"), get("/api/v1/identity/me", null), get("/api/v1/nothing-here", "city"),
                send(HttpRequest.newBuilder(URI.create(url("/map"))).header("Cookie", "JSESSIONID=" + console.cookie()).GET().build()),
                classify(console, null));
        for (Response r : responses) {
            String where = r.raw().request().uri().getPath() + " " + r.status();
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(where).isNotNull().contains("frame-ancestors 'none'").contains("object-src 'none'");
            String scriptSrc = directive(csp, "script-src");
            assertThat(scriptSrc).as(where).isEqualTo("script-src 'self'");
            assertThat(directive(csp, "style-src")).as(where).doesNotContain("unsafe");
            assertThat(r.header("Referrer-Policy")).as(where).isEqualTo("strict-origin-when-cross-origin");
            assertThat(r.header("Permissions-Policy")).as(where).contains("geolocation=(self)").contains("camera=(self)")
                    .contains("microphone=()");
            assertThat(r.raw().headers().allValues("X-Content-Type-Options")).as(where).containsExactly("nosniff");
        }
    }

    private static String directive(String csp, String name) {
        for (String d : csp.split(";")) {
            if (d.strip().startsWith(name + " ")) {
                return d.strip();
            }
        }
        throw new AssertionError(name + " missing in " + csp);
    }

    @Test
    void changesWithTheConsoleSessionNeedItsCsrfToken() {
        Console console = signIn("xinshancun");
        Response without = classify(console, null);
        assertThat(without.status()).as(without.body()).isEqualTo(403);
        assertThat(without.json().get("code").asString()).isEqualTo("CSRF_REJECTED");
        Response wrong = classify(console, "not-the-token");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("code").asString()).isEqualTo("CSRF_REJECTED");
        assertThat(console.csrfToken()).as("the console page hands its script the CSRF token").isNotNull();
        Response with = classify(console, console.csrfToken());
        assertThat(with.status()).as(with.body()).isEqualTo(200);
        assertThat(with.json().get("suggestions").size()).isGreaterThanOrEqualTo(3);
        // reading needs no token
        Response read = send(HttpRequest.newBuilder(URI.create(url("/api/v1/identity/me"))).header("Cookie", "JSESSIONID=" + console.cookie())
                .GET().build());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("username").asString()).isEqualTo("xinshancun");
    }

    @Test
    void otherSystemsAndResidentsNeedNoToken() {
        assertThat(postJson("/api/v1/intake/classify", "xinshancun", "{\"text\":\"路灯不亮了\"}").status()).isEqualTo(200);
        // a resident's page may share the browser with a signed-in console: its public API still needs no token
        Console console = signIn("city");
        Response suggestions = send(HttpRequest.newBuilder(URI.create(url("/api/v1/public/snap/suggestions")))
                .header("Cookie", "JSESSIONID=" + console.cookie()).header("Content-Type", "application/json")
                .header("X-Device-Id", "csrf-test-device").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"井盖丢了很危险\"}")).build());
        assertThat(suggestions.status()).as(suggestions.body()).isEqualTo(200);
        // without any credentials the answer stays "who are you", not a CSRF refusal
        Response anonymous = postJson("/api/v1/intake/classify", null, "{\"text\":\"路灯不亮了\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        // an expired session is told to sign in again (the console then goes to the sign-in page)
        Response stale = send(HttpRequest.newBuilder(URI.create(url("/api/v1/intake/classify")))
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"路灯不亮了\"}")).build());
        assertThat(stale.status()).isEqualTo(401);
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() {
        Response loginPage = send(HttpRequest.newBuilder(URI.create(url("/login"))).header("X-Forwarded-Proto", "https").GET().build());
        Matcher token = HIDDEN_CSRF.matcher(loginPage.body());
        assertThat(token.find()).isTrue();
        Response login = send(HttpRequest.newBuilder(URI.create(url("/login"))).header("X-Forwarded-Proto", "https")
                .header("Cookie", "JSESSIONID=" + cookie(loginPage)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=city&password=demo&_csrf=" + enc(token.group(1)))).build());
        assertThat(login.status()).isEqualTo(302);
        String setCookie = login.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        assertThat(setCookie).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(login.header("Location")).startsWith("https://");
        // over plain HTTP (a developer's machine) the cookie cannot be Secure, or the browser would drop it
        Response plain = send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build());
        assertThat(plain.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.toLowerCase().contains("secure"));
    }
}
