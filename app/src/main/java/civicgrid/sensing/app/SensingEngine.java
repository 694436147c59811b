package civicgrid.sensing.app;

import civicgrid.sensing.domain.Alarm;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Reading;
import civicgrid.sensing.domain.RuleCodec;
import civicgrid.sensing.domain.RuleEngine;
import civicgrid.sensing.domain.RuleSet;
import civicgrid.sensing.persistence.AlarmStore;
import civicgrid.sensing.persistence.DeviceStore;
import civicgrid.sensing.persistence.RuleStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final RuleStore ruleStore;
    /** Devices' own rules (an administrator's edits); every other device runs its profile's. */
    private final Map<String, RuleSet> ownRules = new ConcurrentHashMap<>();
    /** the rules elsewhere (Kafka Streams), or null: this node's own engine */
    private final RemoteRules remote;
    private ScheduledExecutorService ticker;

    SensingEngine(DeviceStore devices, AlarmStore alarms, Actions actions, Clock clock, RuleStore ruleStore,
            ObjectProvider<RemoteRules> remote) {
        this.ruleStore = ruleStore;
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
        loadOwnRules();
        synchronized (engine) {
            devices.forEach(d -> engine.register(d.id(), rulesOf(d), since(d)));
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
            engine.register(d.id(), rulesOf(d), since(d));
        }
    }

    /**
     * Whether a device may run rules of its own: with the in-process engine. The Kafka Streams topology
     * runs the profiles' rules (a device's own would have to travel with its state; not built yet).
     */
    boolean ownRulesSupported() {
        return remote == null;
    }

    /** The rules a device runs: its own when an administrator gave it some, else its profile's. */
    public RuleSet rulesOf(DeviceStore.Device d) {
        return ownRules.getOrDefault(d.id(), d.profile().defaultRules());
    }

    /**
     * Gives a running device new rules ({@code own} null: its profile's again) without a restart. Its
     * stored active alarms whose type the new rules still have go on (cleared and escalated by the new
     * rules); the types of those the new rules no longer have are answered, for the caller to clear.
     */
    List<String> useRules(DeviceStore.Device d, RuleSet own, List<Alarm> active) {
        synchronized (engine) {
            if (own == null) {
                ownRules.remove(d.id());
            } else {
                ownRules.put(d.id(), own);
            }
            RuleSet rules = rulesOf(d);
            engine.register(d.id(), rules, since(d));
            long now = clock.millis();
            List<String> orphaned = new ArrayList<>();
            for (Alarm a : active) {
                if (rules.alarmIndex(a.type()) >= 0) {
                    engine.restoreAlarm(d.id(), a.type(), a.acknowledged(), now);
                } else {
                    orphaned.add(a.type());
                }
            }
            return orphaned;
        }
    }

    private void loadOwnRules() {
        ruleStore.forEach(stored -> devices.find(stored.deviceId()).ifPresent(d -> {
            try {
                ownRules.put(d.id(), RuleCodec.read(tools.jackson.databind.json.JsonMapper.shared().readValue(stored.json(), List.class),
                        d.profile()));
            } catch (RuntimeException e) {
                log.error("Device {} keeps its profile's rules: its own stored rules cannot be read ({})", d.id(), e.getMessage());
            }
        }));
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
                engine.register(device.id(), rulesOf(device), since(device));
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
