package civicgrid.sensing.streams;

import java.time.Duration;
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

    static Topology build(String readingsTopic, String outcomesTopic, Duration tick) {
        Topology t = new Topology();
        t.addSource("readings", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), readingsTopic);
        t.addProcessor("rules", () -> new RulesProcessor(tick), "readings");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RulesProcessor.STORE), Serdes.String(),
                Serdes.ByteArray()), "rules");
        t.addSink("outcomes", outcomesTopic, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "rules");
        return t;
    }
}
