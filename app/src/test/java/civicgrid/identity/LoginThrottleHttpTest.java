package civicgrid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.audit.AuditApi;
import civicgrid.support.IntegrationTest;
import civicgrid.support.LoopbackClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Failed sign-ins slow down the address they come from, never the account's owner elsewhere, and
 * say nothing about which accounts exist. Each test signs in from loopback addresses of its own
 * (see {@link LoopbackClient}), so the waits it causes touch no other test.
 */
class LoginThrottleHttpTest extends IntegrationTest {

    @Autowired
    AuditApi audit;

    private String newAccount(String username) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"secret-123\",\"displayName\":\"节流测试\","
                + "\"role\":\"COMMUNITY_STAFF\",\"scope\":[\"500104001001\"],\"phone\":\"13912345678\"}";
        Response created = postJson("/api/v1/identity/users", "admin", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static LoopbackClient.Answer me(LoopbackClient client, String user, String password) {
        return client.get("/api/v1/identity/me", Map.of("Authorization", basic(user, password)));
    }

    /** Wrong passwords from one address until it is told to wait; the answers on the way. */
    private static List<LoopbackClient.Answer> failUntilRefused(LoopbackClient client, String user) {
        List<LoopbackClient.Answer> answers = new java.util.ArrayList<>();
        // five free failures, then each checked failure doubles the wait: within 15 attempts a wait outlasts the next request
        for (int i = 0; i < 15; i++) {
            LoopbackClient.Answer a = me(client, user, "wrong-" + i);
            answers.add(a);
            if (a.status() == 429) {
                return answers;
            }
        }
        throw new AssertionError("never refused: " + answers.get(answers.size() - 1).body());
    }

    @Test
    void guessingFromOneAddressNeverLocksTheOwnerOut() {
        newAccount("throttle.owner");
        LoopbackClient attacker = LoopbackClient.fresh(port);
        List<LoopbackClient.Answer> answers = failUntilRefused(attacker, "throttle.owner");
        assertThat(answers.size()).as("five free failures first").isGreaterThan(5);
        assertThat(answers.subList(0, answers.size() - 1)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        });
        LoopbackClient.Answer refused = answers.get(answers.size() - 1);
        assertThat(refused.json().get("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);

        // the owner, from anywhere else, signs in at once: before, five wrong passwords locked the account for 15 minutes
        assertThat(me(LoopbackClient.fresh(port), "throttle.owner", "secret-123").status()).isEqualTo(200);
        assertThat(getAs("/api/v1/identity/me", "throttle.owner", "secret-123").status()).isEqualTo(200);
    }

    @Test
    void unknownNamesWrongPasswordsAndWaitsLookTheSameForAccountsAndNonAccounts() {
        newAccount("throttle.exists");
        LoopbackClient one = LoopbackClient.fresh(port);
        LoopbackClient other = LoopbackClient.fresh(port);
        LoopbackClient.Answer known = me(one, "throttle.exists", "wrong");
        LoopbackClient.Answer unknown = me(other, "throttle.does-not-exist", "wrong");
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo(known.header("WWW-Authenticate"));

        List<LoopbackClient.Answer> knownAnswers = failUntilRefused(one, "throttle.exists");
        List<LoopbackClient.Answer> unknownAnswers = failUntilRefused(other, "throttle.does-not-exist");
        LoopbackClient.Answer knownRefusal = knownAnswers.get(knownAnswers.size() - 1);
        LoopbackClient.Answer unknownRefusal = unknownAnswers.get(unknownAnswers.size() - 1);
        assertThat(unknownRefusal.status()).isEqualTo(knownRefusal.status()).isEqualTo(429);
        assertThat(unknownRefusal.json().get("code").asString()).isEqualTo(knownRefusal.json().get("code").asString());
        assertThat(withoutDigits(unknownRefusal.json().get("detail").asString()))
                .isEqualTo(withoutDigits(knownRefusal.json().get("detail").asString()));
        assertThat(unknownRefusal.header("Retry-After")).isNotNull();
    }

    private static String withoutDigits(String s) {
        return s.replaceAll("\\d+", "#");
    }

    @Test
    void sprayingOneAddressAcrossManyNamesMakesThatAddressWait() {
        LoopbackClient sprayer = LoopbackClient.fresh(port);
        LoopbackClient.Answer last = null;
        for (int i = 0; i < 40 && (last == null || last.status() != 429); i++) {
            last = me(sprayer, "spray-" + i, "Password1");
        }
        assertThat(last.status()).as("twenty names, one password each, then the address waits").isEqualTo(429);
        assertThat(last.json().get("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(me(LoopbackClient.fresh(port), "xinshancun", "demo").status()).as("other addresses are untouched").isEqualTo(200);
    }

    @Test
    void failuresAreAuditedButRefusedAttemptsAreNot() {
        newAccount("throttle.audited");
        LoopbackClient attacker = LoopbackClient.fresh(port);
        List<LoopbackClient.Answer> answers = new java.util.ArrayList<>(failUntilRefused(attacker, "throttle.audited"));
        for (int i = 0; i < 10; i++) {
            answers.add(me(attacker, "throttle.audited", "again-" + i));
        }
        long checked = answers.stream().filter(a -> a.status() == 401).count();
        long refused = answers.stream().filter(a -> a.status() == 429).count();
        var entries = audit.entries("USER", "throttle.audited", null, 0, 200);
        long failed = entries.stream().filter(e -> e.action().equals("LOGIN_FAILED")).count();
        long throttled = entries.stream().filter(e -> e.action().equals("LOGIN_THROTTLED")).count();
        assertThat(refused).isPositive();
        assertThat(failed).as("one entry per checked failure").isEqualTo(checked);
        assertThat(throttled).as("one entry per wait started: each checked failure from the fifth on").isEqualTo(checked - 4);
        assertThat(entries.stream().filter(e -> e.action().equals("LOGIN_FAILED")).findFirst().orElseThrow().details().toString())
                .contains(attacker.address());
    }

    @Test
    void aDisabledAccountSaysSoOnlyAfterItsCorrectPassword() {
        String id = newAccount("throttle.leaver");
        Response disabled = postJson("/api/v1/identity/users/" + id + "/disable", "admin", "{\"reason\":\"left the office\"}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        LoopbackClient client = LoopbackClient.fresh(port);
        LoopbackClient.Answer wrong = me(client, "throttle.leaver", "guess");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asString()).as("a guesser learns nothing").isEqualTo("UNAUTHENTICATED");
        LoopbackClient.Answer right = me(client, "throttle.leaver", "secret-123");
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.json().get("code").asString()).isEqualTo("ACCOUNT_DISABLED");
        assertThat(postJson("/api/v1/identity/users/" + id + "/disable", "xinshancun", "{}").status()).isEqualTo(403);
        assertThat(postJson("/api/v1/identity/users/" + id + "/enable", "admin", "{}").status()).isEqualTo(200);
        assertThat(me(client, "throttle.leaver", "secret-123").status()).isEqualTo(200);
        assertThat(audit.entries("USER", "throttle.leaver", null, 0, 20)).extracting(e -> e.action())
                .contains("ACCOUNT_DISABLED", "ACCOUNT_ENABLED");
    }

    @Test
    void aPasswordLongerThanBcryptTakesIsAWrongPasswordNotAnError() {
        LoopbackClient.Answer a = me(LoopbackClient.fresh(port), "xinshancun", "x".repeat(200));
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theSignInFormWaitsLikeBasicAndSaysHowLong() {
        newAccount("throttle.form");
        LoopbackClient browser = LoopbackClient.fresh(port);
        String page = null;
        for (int i = 0; i < 15; i++) {
            page = formLogin(browser, "throttle.form", "wrong-" + i);
            if (page.contains("id=\"login-error\"") && page.contains("秒后再试")) {
                break;
            }
            assertThat(page).contains("账号或密码错误");
        }
        assertThat(page).contains("登录失败次数过多");
        assertThat(me(LoopbackClient.fresh(port), "throttle.form", "secret-123").status()).isEqualTo(200);
    }

    /** Signs in through the form (with its CSRF token and session cookie); the page the browser lands on. */
    private String formLogin(LoopbackClient client, String user, String password) {
        LoopbackClient.Answer form = client.get("/login", Map.of());
        String cookie = form.header("Set-Cookie").split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(form.body());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", cookie);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (token.find() ? "&_csrf=" + (token.group(1) != null ? token.group(1) : token.group(2)) : "");
        LoopbackClient.Answer posted = client.send("POST", "/login", headers, body.getBytes(StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        String location = posted.header("Location");
        String next = location.startsWith("http") ? location.substring(location.indexOf('/', "http://".length())) : location;
        String session = posted.header("Set-Cookie") == null ? cookie : posted.header("Set-Cookie").split(";")[0];
        return client.get(next, Map.of("Cookie", session, "Accept-Language", "zh-CN")).body();
    }

    private Response getAs(String path, String user, String password) {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).header("Authorization", basic(user, password))
                .GET().build());
    }
}
