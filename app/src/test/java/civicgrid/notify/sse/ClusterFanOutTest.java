package civicgrid.notify.sse;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.audit.AuditApi;
import civicgrid.geo.GeoApi;
import civicgrid.support.EventStream;
import civicgrid.support.IntegrationTest;
import civicgrid.support.OtherNode;
import civicgrid.support.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one database: a change made through either node reaches the consoles of both, once
 * each and scoped to the viewer; its webhook goes out once across the cluster; the audit chain stays
 * whole; and a node whose listening connection drops reconnects and hears changes again.
 */
class ClusterFanOutTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String GRID = "500104001004002";

    @Autowired
    GeoApi geo;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditApi audit;

    private String report(String node, String text) {
        Point p = geo.model().node(GRID).orElseThrow().geometry().getInteriorPoint();
        Response created = post(node, "/api/v1/cases", "citizen", "{\"category\":\"E0101\",\"description\":\"" + text
                + "\",\"lon\":" + p.getX() + ",\"lat\":" + p.getY() + "}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Response post(String node, String path, String user, String body) {
        return send(HttpRequest.newBuilder(URI.create(node + path)).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static long count(List<String> lines, String id, String state) {
        return lines.stream().filter(l -> l.contains(id) && l.contains("\"to\":\"" + state + "\"")).count();
    }

    @Test
    void changesReachEveryNodesConsolesOnceAndWebhooksGoOutOnce() throws Exception {
        String nodeA = url("");
        try (ConfigurableApplicationContext second = OtherNode.start(dataSource)) {
            String nodeB = OtherNode.baseUrl(second);
            EventStream streetOnA = EventStream.open(nodeA, "xinshancun");
            EventStream streetOnB = EventStream.open(nodeB, "xinshancun");
            EventStream otherStreetOnB = EventStream.open(nodeB, "ciqikou");

            long posted = System.nanoTime();
            String id = report(nodeA, "集群：路边垃圾");
            long answered = System.nanoTime();
            String heard = streetOnB.await(l -> l.contains(id), PATIENCE);
            System.out.printf("ClusterFanOutTest: node A answered the report in %d ms; node B's console had it %d ms after that%n",
                    (answered - posted) / 1_000_000, (System.nanoTime() - answered) / 1_000_000);
            assertThat(heard).as("node B's console hears node A's report").contains("\"to\":\"REPORTED\"").contains(GRID);

            assertThat(post(nodeB, "/api/v1/cases/" + id + "/actions/verify", "xinshancun", "{}").status()).isEqualTo(200);
            String barrier = report(nodeA, "集群：屏障");
            List<String> onA = streetOnA.until(l -> l.contains(barrier), PATIENCE);
            List<String> onB = streetOnB.until(l -> l.contains(barrier), PATIENCE);
            assertThat(count(onA, id, "REPORTED")).as("node A: its own report, once").isEqualTo(1);
            assertThat(count(onA, id, "VERIFIED")).as("node A: node B's verification, once").isEqualTo(1);
            assertThat(count(onB, id, "VERIFIED")).as("node B: its own verification, once").isEqualTo(1);
            assertThat(count(onB, id, "REPORTED")).as("node B: node A's report, no second copy").isZero();
            assertThat(otherStreetOnB.await(l -> l.contains(id) || l.contains(barrier), Duration.ofSeconds(1)))
                    .as("磁器口 on node B hears nothing of 新山村").isNull();

            assertAlarmsReachTheOtherNode(nodeA, streetOnB, otherStreetOnB);
            assertWebhooksDeliveredOnce(id);
            assertHearsAgainAfterLosingItsConnection(second, nodeA, streetOnB);
        }
        assertAuditChainWhole();
    }

    /** A smoke detector's reading taken in by node A: its alarm reaches the street's console on node B, not the other street's. */
    private void assertAlarmsReachTheOtherNode(String nodeA, EventStream streetOnB, EventStream otherStreetOnB) throws InterruptedException {
        Point p = geo.model().node(GRID).orElseThrow().geometry().getInteriorPoint();
        String device = "cluster-smoke-" + System.nanoTime();
        Response registered = post(nodeA, "/api/v1/devices", "admin", "{\"id\":\"" + device + "\",\"name\":\"集群烟感\",\"profile\":\"SMOKE\","
                + "\"lon\":" + p.getX() + ",\"lat\":" + p.getY() + ",\"owner\":\"测试\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Response reading = send(HttpRequest.newBuilder(URI.create(nodeA + "/api/v1/devices/" + device + "/telemetry"))
                .header("Content-Type", "application/json").header("X-Device-Token", registered.json().get("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"values\":{\"smoke\":true}}")).build());
        assertThat(reading.status()).isEqualTo(202);
        assertThat(streetOnB.await(l -> l.contains(device) && l.contains("\"change\":\"RAISED\""), PATIENCE))
                .as("node B's console hears the alarm node A raised").isNotNull();
        assertThat(otherStreetOnB.await(l -> l.contains(device), Duration.ofSeconds(1))).as("磁器口 hears nothing of 新山村's alarm").isNull();
    }

    /** Node A wrote the report's publication, node B the verification's: each goes out once, none twice. */
    private void assertWebhooksDeliveredOnce(String id) throws InterruptedException {
        WebhookReceiver receiver = WebhookReceiver.get();
        for (int i = 0; i < 100 && !(delivered(receiver, id, "REPORTED") > 0 && delivered(receiver, id, "VERIFIED") > 0); i++) {
            Thread.sleep(100);
        }
        // a second copy could only come from resubmitting: let the retry task (every second) run twice more
        Timestamp settled = jdbc.queryForObject("select now() + interval '2 seconds'", Timestamp.class);
        for (int i = 0; i < 100 && !retryRanSince(settled); i++) {
            Thread.sleep(100);
        }
        assertThat(retryRanSince(settled)).as("the webhook retry task kept running").isTrue();
        assertThat(delivered(receiver, id, "REPORTED")).as("report's webhook, once across two nodes").isEqualTo(1);
        assertThat(delivered(receiver, id, "VERIFIED")).as("verification's webhook, once across two nodes").isEqualTo(1);
    }

    private static long delivered(WebhookReceiver receiver, String id, String state) {
        return receiver.deliveries().stream().filter(d -> d.answeredWith() == 204 && d.body().contains(id)
                && d.body().contains("\"to\":\"" + state + "\"")).count();
    }

    private boolean retryRanSince(Timestamp since) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select coalesce(max(last_success) >= ?, false) from scheduled_tasks"
                + " where task_name = 'webhook-retry'", Boolean.class, since));
    }

    private void assertHearsAgainAfterLosingItsConnection(ConfigurableApplicationContext second, String nodeA, EventStream streetOnB)
            throws InterruptedException {
        ClusterEventRelay relayB = second.getBean(ClusterEventRelay.class);
        int sessions = relayB.sessions();
        Integer killed = jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?",
                Integer.class, "civicgrid-events " + relayB.nodeId());
        assertThat(killed).isEqualTo(1);
        for (int i = 0; i < 100 && relayB.sessions() == sessions; i++) {
            Thread.sleep(100);
        }
        assertThat(relayB.sessions()).as("node B listens again").isGreaterThan(sessions);
        String id = report(nodeA, "集群：重连之后");
        assertThat(streetOnB.await(l -> l.contains(id), PATIENCE)).as("node B hears node A after reconnecting").isNotNull();
    }

    /** The sealer ran on one node at a time: every entry of the two nodes sealed once, in one unbroken chain. */
    private void assertAuditChainWhole() throws InterruptedException {
        for (int i = 0; i < 100 && audit.verify().unsealedEntries() > 0; i++) {
            Thread.sleep(100);
        }
        var chain = audit.verify();
        assertThat(chain.valid()).isTrue();
        assertThat(chain.unsealedEntries()).isZero();
    }
}
