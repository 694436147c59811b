package civicgrid.sensing.app;

import civicgrid.sensing.domain.Alarm;
import civicgrid.sensing.domain.CommandDelivery;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Severity;
import civicgrid.sensing.persistence.CommandStore;
import civicgrid.sensing.persistence.DeviceStore;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands to actuators, delivered as {@link CommandDelivery} says: each goes out with its id over
 * MQTT, the device acknowledges it on {@code civicgrid/v1/devices/{id}/acks} with {@code {"id": ...}},
 * and a db-scheduler task per wait (exactly once across the nodes, surviving restarts) sends it again
 * or, after the last send, marks it FAILED and raises a {@code COMMAND_FAILED} alarm on the device
 * (its detail names the command, the alarm it answered and the number of sends).
 */
@Service
public class Commands {

    public static final String FAILED_ALARM = "COMMAND_FAILED";
    static final TaskDescriptor<String> RETRY = TaskDescriptor.of("sensing-command-retry", String.class);
    private static final Logger log = LoggerFactory.getLogger(Commands.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    /** What became of an acknowledgement a device sent. */
    public enum Ack {
        ACCEPTED, UNKNOWN_COMMAND, MALFORMED
    }

    private final CommandStore store;
    private final DeviceStore devices;
    private final ObjectProvider<CommandPublisher> publisher;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final CommandDelivery delivery;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AlarmEvents events;

    Commands(CommandStore store, DeviceStore devices, AlarmEvents events, ObjectProvider<CommandPublisher> publisher,
            ObjectProvider<SchedulerClient> scheduler, @Value("${civicgrid.sensing.commands.max-attempts:3}") int maxAttempts,
            @Value("${civicgrid.sensing.commands.retry-after:PT30S}") Duration retryAfter, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.devices = devices;
        this.events = events;
        this.publisher = publisher;
        this.scheduler = scheduler;
        this.delivery = new CommandDelivery(maxAttempts, retryAfter);
        this.meters = meters;
        this.clock = clock;
    }

    /** Records the command with a new id, sends it and sets the wait for its acknowledgement. */
    UUID send(Outcome.SendCommand c) {
        UUID id = UUID.randomUUID();
        CommandStore.Command command = CommandStore.Command.created(id, c.deviceId(), c.command(), c.alarmType(), Instant.ofEpochMilli(c.ts()));
        store.insert(command);
        publish(command);
        waitForAck(id, 1);
        return id;
    }

    /** The wait after send number {@code attempt} ran out (the db-scheduler task). */
    void waitOver(UUID id, int attempt) {
        CommandStore.Command c = store.find(id).orElse(null);
        if (c == null || c.state() == CommandDelivery.State.ACKED || c.state() == CommandDelivery.State.FAILED) {
            return;
        }
        if (delivery.sendAgainAfter(attempt)) {
            publish(c);
            meters.counter("civicgrid.sensing.commands.retried", "command", c.command()).increment();
            waitForAck(id, attempt + 1);
        } else if (store.failed(id, clock.instant())) {
            meters.counter("civicgrid.sensing.commands.failed", "command", c.command()).increment();
            String detail = c.command() + (c.alarmType() == null ? "" : " (" + c.alarmType() + ")") + ": no acknowledgement after " + attempt
                    + (attempt == 1 ? " send" : " sends") + "; command " + id;
            log.warn("Command {} to {} failed: {}", id, c.deviceId(), detail);
            devices.find(c.deviceId()).ifPresent(d -> events.raise(Alarm.raised(d.id(), FAILED_ALARM, Severity.MAJOR, clock.instant(), detail),
                    d.gridCode()));
        }
    }

    /** An acknowledgement from a device: {@code {"id": "<command id>"}} of one of its own commands. */
    public Ack acknowledge(String deviceId, byte[] payload) {
        UUID id;
        try {
            JsonNode root = JSON.readTree(payload);
            id = UUID.fromString(root.path("id").asString());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return counted(Ack.MALFORMED);
        }
        return counted(store.acknowledged(deviceId, id, clock.instant()) ? Ack.ACCEPTED : Ack.UNKNOWN_COMMAND);
    }

    /** The device's latest commands, newest first, with where each stands. */
    public List<Map<String, Object>> recent(String deviceId, int limit) {
        return store.recent(deviceId, limit).stream().map(c -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", c.id().toString());
            v.put("command", c.command());
            v.put("alarmType", c.alarmType());
            v.put("state", c.state().name());
            v.put("attempts", c.attempts());
            v.put("createdAt", c.createdAt());
            v.put("sentAt", c.sentAt());
            v.put("ackedAt", c.ackedAt());
            v.put("failedAt", c.failedAt());
            return v;
        }).toList();
    }

    private Ack counted(Ack ack) {
        meters.counter("civicgrid.sensing.commands.acks", "result", ack.name().toLowerCase(java.util.Locale.ROOT)).increment();
        return ack;
    }

    private void publish(CommandStore.Command c) {
        CommandPublisher out = publisher.getIfAvailable();
        String json = JSON.writeValueAsString(Map.of("id", c.id().toString(), "command", c.command(), "ts", c.createdAt().toEpochMilli()));
        if (out != null && out.publish(c.deviceId(), json)) {
            store.sent(c.id(), clock.instant());
        }
    }

    private void waitForAck(UUID id, int attempt) {
        scheduler.getObject().scheduleBatch(List.of(new TaskInstance<>(RETRY.getTaskName(), id + "-" + attempt, id + "|" + attempt)),
                clock.instant().plus(delivery.waitAfter(attempt)));
    }

    /** Parses the task's data ({@code <command id>|<attempt>}) and runs {@link #waitOver}. */
    void waitOver(String data) {
        int bar = data.indexOf('|');
        waitOver(UUID.fromString(data.substring(0, bar)), Integer.parseInt(data.substring(bar + 1)));
    }
}
