package civicgrid.sensing.streams;

import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The rules topology in a {@link TopologyTestDriver} whose wall clock the test turns by hand. */
final class TopologyHarness implements AutoCloseable {

    static final String READINGS = "civicgrid.sensing.readings";
    static final String OUTCOMES = "civicgrid.sensing.outcomes";

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> in;
    private final TestOutputTopic<String, byte[]> out;
    private final LongAdder watched = new LongAdder();
    private final Path stateDir;
    private long now;

    TopologyHarness(long start) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sensing-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            // a folder of its own (the default is shared by every run on the machine), deleted on close
            stateDir = Files.createTempDirectory("sensing-topology");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(RulesTopology.build(READINGS, OUTCOMES, Duration.ofSeconds(1), watched), props, Instant.ofEpochMilli(start));
        in = driver.createInputTopic(READINGS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        out = driver.createOutputTopic(OUTCOMES, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        now = start;
    }

    long now() {
        return now;
    }

    /** A reading measured now. */
    void send(String device, Profile profile, String key, Object value) {
        send(device, profile, new Reading(now, Map.of(key, value)));
    }

    void send(String device, Profile profile, Reading reading) {
        pipe(device, new DeviceEvent.ReadingArrived(profile, now, reading));
    }

    void pipe(String device, DeviceEvent event) {
        in.pipeInput(device, DeviceEvent.encode(event), now);
    }

    void pipeRaw(String device, byte[] value) {
        in.pipeInput(device, value, now);
    }

    /** Turns the driver's wall clock on: the punctuator fires what came due. */
    void passTime(long millis) {
        now += millis;
        driver.advanceWallClockTime(Duration.ofMillis(millis));
    }

    long watched() {
        return watched.sum();
    }

    /** Outcomes the topology sent since the last call, in their order. */
    List<Outcome> outcomes() {
        return out.readKeyValuesToList().stream().map(kv -> {
            Outcome o = OutcomeCodec.decode(kv.value);
            if (!o.deviceId().equals(kv.key)) {
                throw new AssertionError("outcome of " + o.deviceId() + " keyed " + kv.key);
            }
            return o;
        }).toList();
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
