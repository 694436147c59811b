package civicgrid.notify;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.support.IntegrationTest;
import civicgrid.support.WebhookReceiver;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;

/** Server-sent events scoped to the viewer, and signed webhooks that are retried until delivered. */
class NotificationTest extends IntegrationTest {

    @Autowired
    GeoApi geo;

    private String report(String grid, String text) {
        Point p = geo.model().node(grid).orElseThrow().geometry().getInteriorPoint();
        return postJson("/api/v1/cases", "xinshancun", "{\"category\":\"E0106\",\"description\":\"" + text + "\",\"lon\":" + p.getX()
                + ",\"lat\":" + p.getY() + "}").json().get("id").asString();
    }

    /** Reads an event stream into a queue of data lines, on its own thread. */
    private BlockingQueue<String> listen(String user) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/v1/events/stream"))).header("Authorization", basic(user, "demo")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        lines.add(line);
                    }
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(5, TimeUnit.SECONDS)).as("hello").contains(user);
        return lines;
    }

    @Test
    void consolesSeeChangesInTheirTerritoryOnly() throws Exception {
        BlockingQueue<String> street = listen("xinshancun");
        BlockingQueue<String> otherStreet = listen("ciqikou");
        String id = report("500104001004001", "道路积水");
        String seen = null;
        for (int i = 0; i < 20 && (seen == null || !seen.contains(id)); i++) {
            seen = street.poll(1, TimeUnit.SECONDS);
        }
        assertThat(seen).contains(id).contains("REPORTED");
        postJson("/api/v1/cases/" + id + "/actions/verify", "xinshancun", "{}");
        String next = null;
        for (int i = 0; i < 20 && (next == null || !next.contains("VERIFIED")); i++) {
            next = street.poll(1, TimeUnit.SECONDS);
        }
        assertThat(next).contains(id).contains("VERIFIED");
        assertThat(otherStreet.poll(1, TimeUnit.SECONDS)).as("磁器口 hears nothing of 新山村").isNull();
    }

    @Test
    void webhooksAreSignedAndRetriedUntilDelivered() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.get();
        receiver.failNext(1);
        String id = report("500104001004003", "井盖松动");
        List<WebhookReceiver.Delivery> mine = List.of();
        for (int i = 0; i < 100; i++) {
            mine = receiver.deliveries().stream().filter(d -> d.body().contains(id)).toList();
            if (mine.stream().anyMatch(d -> d.answeredWith() == 204)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(mine).as("a refused delivery, then the retry").hasSizeGreaterThanOrEqualTo(2);
        assertThat(mine.get(0).answeredWith()).isEqualTo(503);
        WebhookReceiver.Delivery delivered = mine.stream().filter(d -> d.answeredWith() == 204).findFirst().orElseThrow();
        assertThat(delivered.headers().get("X-CivicGrid-Delivery")).isEqualTo(mine.get(0).headers().get("X-CivicGrid-Delivery"));
        String timestamp = delivered.headers().get("X-CivicGrid-Timestamp");
        String expected = "sha256=" + civicgrid.notify.webhook.WebhookSignatures.sign(WebhookReceiver.SECRET,
                timestamp + "." + delivered.body());
        assertThat(delivered.headers().get("X-CivicGrid-Signature")).isEqualTo(expected);
        assertThat(delivered.body()).contains("\"event\":\"case.changed\"").contains("\"to\":\"REPORTED\"");
        assertThat(receiver.deliveries().stream().filter(d -> d.body().contains("500106004"))).as("other territories").isEmpty();
    }
}
