package civicgrid.sensing.streams;

import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.RuleEngine;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule core inside Kafka Streams: one {@link RuleEngine} per task (that is, per partition of
 * the readings topic), the very engine the in-process {@code SensingEngine} runs. The state store is
 * the durable copy of every device of the partition (profile + {@link civicgrid.sensing.domain.DeviceSnapshot},
 * backed by a changelog topic); the engine is its in-memory index with the deadline wheel, rebuilt
 * from the store when the task starts on this node (after a restart or a rebalance).
 *
 * <p>Time: a reading is judged at its own timestamp, as in-process. Deadlines (absence, duration,
 * follow-up, escalation) fire from a <b>wall-clock</b> punctuator: stream time only moves when
 * records arrive on the partition, and the door that nobody opens is exactly the device that sends
 * nothing, so a stream-time punctuator could wait forever on a quiet partition.
 */
final class RulesProcessor implements Processor<String, byte[], String, byte[]> {

    static final String STORE = "sensing-device-state";

    private static final Logger log = LoggerFactory.getLogger(RulesProcessor.class);

    private final Duration tick;
    private final LongAdder watched;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private RuleEngine engine;
    private final Map<String, Profile> profiles = new HashMap<>();

    /** @param watched devices of this node's tasks, counted up and down as tasks come and go */
    RulesProcessor(Duration tick, LongAdder watched) {
        this.tick = tick;
        this.watched = watched;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.engine = new RuleEngine(Duration.ofSeconds(1));
        int loaded = 0;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> kv = all.next();
                try {
                    DeviceStateCodec.Stored s = DeviceStateCodec.decode(kv.value);
                    engine.restore(kv.key, s.profile().defaultRules(), s.snapshot());
                    profiles.put(kv.key, s.profile());
                    loaded++;
                } catch (IllegalArgumentException e) {
                    // written by another version or with rules since changed: the device starts afresh at its next message
                    log.warn("Device state of {} not restored: {}", kv.key, e.getMessage());
                }
            }
        }
        watched.add(engine.deviceCount());
        log.info("Sensing task {} watches {} devices from its state store", context.taskId(), loaded);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::advance);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String deviceId = record.key();
        DeviceEvent event;
        try {
            if (deviceId == null || record.value() == null) {
                throw new IllegalArgumentException("no device id or no value");
            }
            event = DeviceEvent.decode(record.value());
        } catch (IllegalArgumentException e) {
            // a poison message must not stop the partition: skip it, say so
            log.warn("Skipped a message for device {} on the readings topic: {}", deviceId, e.getMessage());
            return;
        }
        if (event instanceof DeviceEvent.ReadingArrived r) {
            watch(deviceId, r.profile(), r.since());
            emit(engine.accept(deviceId, r.reading()));
            save(deviceId);
        } else if (event instanceof DeviceEvent.Registered r) {
            watch(deviceId, r.profile(), r.since());
        } else if (event instanceof DeviceEvent.Acknowledged a) {
            if (engine.knows(deviceId)) {
                engine.acknowledge(deviceId, a.alarmType());
                save(deviceId);
            }
        } else if (event instanceof DeviceEvent.ClearedByHand c) {
            if (engine.knows(deviceId)) {
                // the stored alarm was cleared by the operator already, as in-process: the outcome is not sent again
                engine.clearByHand(deviceId, c.alarmType(), c.ts());
                save(deviceId);
            }
        }
    }

    /** Registers a device the task does not know, or whose profile (and so rules) changed; keeps its state otherwise. */
    private void watch(String deviceId, Profile profile, long since) {
        if (profile != profiles.get(deviceId) || !engine.knows(deviceId)) {
            if (!engine.knows(deviceId)) {
                watched.increment();
            }
            engine.register(deviceId, profile.defaultRules(), since);
            profiles.put(deviceId, profile);
            save(deviceId);
        }
    }

    @Override
    public void close() {
        if (engine != null) {
            watched.add(-engine.deviceCount()); // the task moves to another node (or this one stops)
        }
    }

    private void advance(long now) {
        Set<String> touched = new LinkedHashSet<>();
        List<Outcome> out = engine.advance(now, touched::add);
        touched.forEach(this::save);
        emit(out);
    }

    private void save(String deviceId) {
        store.put(deviceId, DeviceStateCodec.encode(profiles.get(deviceId), engine.snapshot(deviceId)));
    }

    private void emit(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            context.forward(new Record<>(o.deviceId(), OutcomeCodec.encode(o), o.ts()));
        }
    }
}
