package civicgrid.sensing.app;

import civicgrid.sensing.domain.Alarm;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Reading;
import civicgrid.sensing.domain.RuleEngine;
import civicgrid.sensing.persistence.AlarmStore;
import civicgrid.sensing.persistence.DeviceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The node's rule engine: every registered device with its rules, fed by the ingest and by a
 * one-second tick that fires due timers. Evaluation is serialised on the engine (it is not
 * thread-safe); what follows from it is carried out by {@link Actions} in the same order.
 *
 * <p>With {@code civicgrid.sensing.engine=kafka-streams} a {@link RemoteRules} bean exists and the
 * same rule core runs in a Kafka Streams topology instead: this class then hands everything to it and
 * keeps no devices of its own; the outcomes come back through the outcomes topic to {@link Actions}.
 */
@Service
@Order(40)
public class SensingEngine implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SensingEngine.class);

    private final RuleEngine engine = new RuleEngine(Duration.ofSeconds(1));
    private final DeviceStore devices;
    private final AlarmStore alarms;
    private final Actions actions;
    private final Clock clock;
    /** the rules elsewhere (Kafka Streams), or null: this node's own engine */
    private final RemoteRules remote;
    private ScheduledExecutorService ticker;

    SensingEngine(DeviceStore devices, AlarmStore alarms, Actions actions, Clock clock, ObjectProvider<RemoteRules> remote) {
        this.devices = devices;
        this.alarms = alarms;
        this.actions = actions;
        this.clock = clock;
        this.remote = remote.getIfAvailable();
    }

    /** Loads every device and its active alarms (after the demo devices exist), then starts ticking. */
    @Override
    public void run(ApplicationArguments args) {
        if (remote != null) {
            // the topology keeps the state of the devices it knows; announcing all of them is harmless and registers the new ones
            int[] count = {0};
            devices.forEach(d -> {
                remote.register(d.id(), d.profile(), since(d));
                count[0]++;
            });
            log.info("Sensing rules run in Kafka Streams; {} devices announced", count[0]);
            return;
        }
        long now = clock.millis();
        synchronized (engine) {
            devices.forEach(d -> engine.register(d.id(), d.profile().defaultRules(), since(d)));
            for (Alarm a : alarms.allActive()) {
                if (engine.knows(a.deviceId())) {
                    engine.restoreAlarm(a.deviceId(), a.type(), a.acknowledged(), now);
                }
            }
            log.info("Sensing rule engine watches {} devices", engine.deviceCount());
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sensing-timers");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** A device registered now (its absence deadlines run from now). */
    public void register(DeviceStore.Device d) {
        if (remote != null) {
            remote.register(d.id(), d.profile(), since(d));
            return;
        }
        synchronized (engine) {
            engine.register(d.id(), d.profile().defaultRules(), since(d));
        }
    }

    /** Evaluates a reading of a registered device and carries out what follows. */
    public List<Outcome> evaluate(DeviceStore.Device device, Reading reading) {
        if (remote != null) {
            remote.evaluate(device.id(), device.profile(), since(device), reading);
            return List.of(); // decided in the topology, carried out when its outcomes come back
        }
        List<Outcome> outcomes;
        synchronized (engine) {
            if (!engine.knows(device.id())) {
                engine.register(device.id(), device.profile().defaultRules(), since(device));
            }
            outcomes = engine.accept(device.id(), reading);
            // inside the lock, so that a raise and the clear right after it are stored in their order
            actions.carryOut(outcomes);
        }
        return outcomes;
    }

    void tick() {
        try {
            synchronized (engine) {
                actions.carryOut(engine.advance(clock.millis()));
            }
        } catch (RuntimeException e) {
            log.error("Sensing timers failed this round; they run again in a second", e);
        }
    }

    void acknowledged(String deviceId, String alarmType) {
        if (remote != null) {
            remote.acknowledged(deviceId, alarmType);
            return;
        }
        synchronized (engine) {
            engine.acknowledge(deviceId, alarmType);
        }
    }

    /** The engine forgets the alarm (it was cleared by hand); the stored alarm is cleared by the caller. */
    void clearedByHand(String deviceId, String alarmType) {
        if (remote != null) {
            remote.clearedByHand(deviceId, alarmType, clock.millis());
            return;
        }
        synchronized (engine) {
            engine.clearByHand(deviceId, alarmType, clock.millis());
        }
    }

    public int deviceCount() {
        if (remote != null) {
            return remote.watchedDevices();
        }
        synchronized (engine) {
            return engine.deviceCount();
        }
    }

    private static long since(DeviceStore.Device d) {
        return (d.lastContact() != null ? d.lastContact() : d.registeredAt()).toEpochMilli();
    }
}
