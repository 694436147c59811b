package civicgrid.notify.sse;

import civicgrid.cases.CaseChanged;
import civicgrid.response.IncidentChanged;
import civicgrid.sensing.AlarmChanged;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries live case changes between the nodes that share one PostgreSQL, with LISTEN/NOTIFY.
 *
 * <p>Sending: {@code pg_notify} in the case's own transaction, so PostgreSQL delivers it exactly when
 * the change commits and never for a rollback. The payload is the compact {@link LiveCaseEvent}
 * (a few hundred bytes; the limit is 8000) with the id of the node it came from. The node that made
 * the change already delivered it in-process and ignores its own notification: one delivery per
 * viewer, and a node's own consoles do not depend on the listening connection.
 *
 * <p>Receiving: one dedicated connection per node, outside the pool (a pooled connection would be
 * borrowed forever and LISTEN is tied to its session), polled with
 * {@link PGConnection#getNotifications(int)}; on a lost connection it reconnects with a growing pause
 * (changes committed while it is away are not replayed: live views are best effort, pages reload
 * their lists). Webhooks do not travel this way: they stay with the node whose transaction wrote the
 * event publication, so each is sent once across the cluster.
 */
@Component
@ConditionalOnProperty(name = "civicgrid.notify.cluster-fan-out", matchIfMissing = true)
class ClusterEventRelay implements SmartLifecycle {

    static final String CHANNEL = "civicgrid_case_changed";
    private static final Logger log = LoggerFactory.getLogger(ClusterEventRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PAYLOAD_BYTES = 7999;
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final String nodeId = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final CaseEventStream stream;
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

    ClusterEventRelay(JdbcTemplate jdbc, DataSource dataSource, CaseEventStream stream) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.stream = stream;
    }

    /** Runs inside the case's transaction: the notification leaves with the commit. */
    @EventListener
    void on(CaseChanged change) {
        notifyOthers(new Envelope(nodeId, LiveCaseEvent.of(change), null, null), change.caseId().toString());
    }

    /** An incident's change, the same way (in its transaction). */
    @EventListener
    void on(IncidentChanged change) {
        notifyOthers(new Envelope(nodeId, null, LiveIncidentEvent.of(change), null), change.incidentId());
    }

    /** A device's alarm changed (sensing evaluates a reading on the node whose ingest received it). */
    @EventListener
    void on(AlarmChanged change) {
        notifyOthers(new Envelope(nodeId, null, null, LiveAlarmEvent.of(change)), "alarm " + change.alarmId());
    }

    private void notifyOthers(Envelope envelope, String what) {
        String payload = JSON.writeValueAsString(envelope);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            log.warn("Change of {} too large for a cluster notification; other nodes' consoles will not see it live", what);
            return;
        }
        jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, payload);
    }

    /** One change: a case's ({@code event}), an incident's ({@code incident}) or an alarm's ({@code alarm}). */
    record Envelope(String origin, LiveCaseEvent event, LiveIncidentEvent incident, LiveAlarmEvent alarm) {
    }

    void receive(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            if (nodeId.equals(node.path("origin").asString())) {
                return;
            }
            if (node.hasNonNull("alarm")) {
                stream.deliver(JSON.treeToValue(node.get("alarm"), LiveAlarmEvent.class));
            } else if (node.hasNonNull("incident")) {
                stream.deliver(JSON.treeToValue(node.get("incident"), LiveIncidentEvent.class));
            } else {
                stream.deliver(JSON.treeToValue(node.get("event"), LiveCaseEvent.class));
            }
        } catch (RuntimeException unreadable) {
            log.warn("Ignoring an unreadable cluster notification: {}", unreadable.getMessage());
        }
    }

    private void listen() {
        Duration pause = FIRST_PAUSE;
        while (running) {
            try (Connection connection = connect()) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (sessions.incrementAndGet() > 1) {
                    log.info("Cluster event listener reconnected");
                }
                pause = FIRST_PAUSE;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            receive(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Cluster event listener lost its connection ({}); trying again in {} ms", e.getMessage(), pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException stopping) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } finally {
                listening = null;
            }
        }
    }

    /** A connection of its own, with the pool's URL and credentials, named so operators can find it. */
    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", "civicgrid-events " + nodeId);
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    /** How many times the listener has started listening (1 after start, more after reconnects). */
    int sessions() {
        return sessions.get();
    }

    String nodeId() {
        return nodeId;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "cluster-event-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        listener.interrupt();
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
