package civicgrid.notify;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.support.EventStream;
import civicgrid.support.IntegrationTest;
import civicgrid.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
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

    @Test
    void consolesSeeChangesInTheirTerritoryOnly() throws Exception {
        EventStream street = EventStream.open(url(""), "xinshancun");
        EventStream otherStreet = EventStream.open(url(""), "ciqikou");
        String id = report("500104001004001", "道路积水");
        String seen = street.await(line -> line.contains(id), Duration.ofSeconds(20));
        assertThat(seen).contains(id).contains("REPORTED");
        postJson("/api/v1/cases/" + id + "/actions/verify", "xinshancun", "{}");
        String next = street.await(line -> line.contains("VERIFIED"), Duration.ofSeconds(20));
        assertThat(next).contains(id).contains("VERIFIED");
        assertThat(otherStreet.poll(Duration.ofSeconds(1))).as("磁器口 hears nothing of 新山村").isNull();
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
        String expected = "sha256=" + civicgrid.notify.SignedWebhooks.sign(WebhookReceiver.SECRET,
                timestamp + "." + delivered.body());
        assertThat(delivered.headers().get("X-CivicGrid-Signature")).isEqualTo(expected);
        assertThat(delivered.body()).contains("\"event\":\"case.changed\"").contains("\"to\":\"REPORTED\"");
        assertThat(receiver.deliveries().stream().filter(d -> d.body().contains("500106004"))).as("other territories").isEmpty();
    }
}
