package civicgrid.notify.sse;

import civicgrid.cases.CaseChanged;
import civicgrid.sensing.AlarmChanged;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.TerritorialScope;
import civicgrid.response.IncidentChanged;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live case and incident changes for pages and clients: {@code GET /api/v1/events/stream} (HTTP Basic) and
 * {@code /events/stream} (the console's session). Each subscriber receives the changes inside its
 * territory, after the change committed, sent from a separate thread so a slow console never slows
 * the request that changed the case. Changes committed on other nodes arrive through
 * {@link ClusterEventRelay} and are delivered the same way.
 */
@RestController
class CaseEventStream implements SmartLifecycle {

    private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;
    private record Subscriber(String username, TerritorialScope scope, Set<String> roadSegments) {

        /** The change's grid lies in the territory, or the change lies on one of the subscriber's road segments (a chief's). */
        boolean hears(LiveEvent event) {
            return scope.includes(event.gridCode()) || event.roadSegmentCode() != null && roadSegments.contains(event.roadSegmentCode());
        }
    }

    private final IdentityApi identity;
    private final Map<SseEmitter, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> daemon(r, "sse-fan-out"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sse-heartbeat"));
    private volatile boolean running;

    CaseEventStream(IdentityApi identity, MeterRegistry meters) {
        this.identity = identity;
        meters.gauge("civicgrid.sse.subscribers", subscribers, Map::size);
        heartbeat.scheduleAtFixedRate(this::ping, 20, 20, TimeUnit.SECONDS);
    }

    @GetMapping(path = {"/api/v1/events/stream", "/events/stream"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        CurrentUser user = identity.requireCurrentUser();
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        subscribers.put(emitter, new Subscriber(user.username(), user.scope(), user.roadSegments()));
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(e -> subscribers.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("hello").data(Map.of("user", user.username())));
        } catch (IOException e) {
            subscribers.remove(emitter);
        }
        return emitter;
    }

    /**
     * Sent once the change committed. A plain listener that registers its own after-commit callback:
     * a {@code @TransactionalEventListener} would be tracked by the event publication registry, two
     * more writes per change for a best-effort live view that needs no redelivery.
     */
    @EventListener
    void on(CaseChanged change) {
        afterCommit(LiveCaseEvent.of(change));
    }

    /** Incident changes travel the same way, scoped by the incident's grid like cases (event {@code incident}). */
    @EventListener
    void on(IncidentChanged change) {
        afterCommit(LiveIncidentEvent.of(change));
    }

    private void afterCommit(LiveEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(event);
                }
            });
        } else {
            deliver(event);
        }
    }

    /** A device's alarm raised, escalated, acknowledged or cleared (sensing), to the viewers of its grid (event {@code alarm}). */
    @EventListener
    void on(AlarmChanged change) {
        afterCommit(LiveAlarmEvent.of(change));
    }

    /** Sends a committed change, of this node or (through {@link ClusterEventRelay}) of another, to its viewers. */
    void deliver(LiveEvent event) {
        if (fanOut.isShutdown()) {
            return; // stopping: the streams are being closed
        }
        fanOut.execute(() -> {
            Map<String, Object> payload = event.payload();
            for (Map.Entry<SseEmitter, Subscriber> s : subscribers.entrySet()) {
                if (s.getValue().hears(event)) {
                    send(s.getKey(), SseEmitter.event().name(event.name()).id(event.eventId()).data(payload, MediaType.APPLICATION_JSON));
                }
            }
        });
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void ping() {
        for (SseEmitter emitter : Set.copyOf(subscribers.keySet())) {
            send(emitter, SseEmitter.event().comment("keep-alive"));
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(emitter);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends the open streams before the web server's graceful shutdown would wait for them. */
    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        fanOut.shutdownNow();
        subscribers.keySet().forEach(SseEmitter::complete);
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
