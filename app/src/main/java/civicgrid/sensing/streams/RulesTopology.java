package civicgrid.sensing.streams;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * readings topic (key device id, {@link DeviceEvent}) → rules (the rule core, one engine per task,
 * device state in {@value RulesProcessor#STORE}) → outcomes topic (key device id, one
 * {@link civicgrid.sensing.domain.Outcome} per record, {@link OutcomeCodec}).
 */
final class RulesTopology {

    private RulesTopology() {
    }

    /** @param watched counts the devices of the tasks running in this instance */
    static Topology build(String readingsTopic, String outcomesTopic, Duration tick, LongAdder watched) {
        Topology t = new Topology();
        t.addSource("readings", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), readingsTopic);
        t.addProcessor("rules", () -> new RulesProcessor(tick, watched), "readings");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RulesProcessor.STORE), Serdes.String(),
                Serdes.ByteArray()), "rules");
        t.addSink("outcomes", outcomesTopic, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "rules");
        return t;
    }
}
