package civicgrid.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Base of HTTP-level tests: a real server, a real client, JSON parsed with Jackson. */
@ApplicationTest
public abstract class IntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    // HTTP/1.1 as the server speaks it (no h2c upgrade dance); every request gets a deadline, since a
    // request without one waited forever in CI once while every server thread was idle
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        neighbours().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The systems around the application under test (webhook and hotline receivers): the same for every node. */
    static Map<String, String> neighbours() {
        return Map.of("civicgrid.webhooks.endpoints[0].url", WebhookReceiver.get().url(),
                "civicgrid.webhooks.endpoints[0].secret", WebhookReceiver.SECRET,
                "civicgrid.webhooks.endpoints[0].territory", "500104",
                "civicgrid.webhooks.retry-interval", "PT1S",
                "civicgrid.intake.hotline.callback-url", WebhookReceiver.get().url() + "/hotline",
                "civicgrid.intake.hotline.callback-token", "hotline-test-token",
                "civicgrid.intake.hotline.callback-interval", "PT1S");
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected Response get(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (user != null) {
            b.header("Authorization", basic(user, "demo"));
        }
        return send(b.build());
    }

    protected Response postJson(String path, String user, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", basic(user, "demo"));
        }
        return send(b.build());
    }

    /** A JSON POST from another system, with its {@code X-Api-Key} (none when null). */
    protected Response postJsonWithKey(String path, String apiKey, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            b.header("X-Api-Key", apiKey);
        }
        return send(b.build());
    }

    protected Response send(HttpRequest request) {
        HttpRequest timed = request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(REQUEST_TIMEOUT).build();
        try {
            HttpResponse<String> r = CLIENT.send(timed, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body; {@link #json()} parses it. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
