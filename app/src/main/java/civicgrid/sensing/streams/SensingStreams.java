package civicgrid.sensing.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's Kafka Streams instance running the rules topology. At start it creates the two topics
 * if they are missing (with {@code partitions} and {@code replication}; existing topics are left as
 * they are), then joins the application's group: Kafka assigns each node a share of the partitions,
 * hence of the devices, and moves them (with their state, restored from the changelog) when nodes
 * come and go.
 */
final class SensingStreams implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SensingStreams.class);

    private final KafkaSensingProperties p;
    private final LongAdder watched = new LongAdder();
    private KafkaStreams streams;

    SensingStreams(KafkaSensingProperties p) {
        this.p = p;
    }

    void start() {
        createTopics();
        Properties props = new Properties();
        props.putAll(p.extra());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, p.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, p.bootstrap());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, p.streamThreads());
        props.put(StreamsConfig.STATE_DIR_CONFIG, p.stateDir());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) p.replication());
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE); // exactly_once_v2 through extra
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        streams = new KafkaStreams(RulesTopology.build(p.readingsTopic(), p.outcomesTopic(), p.tick(), watched), props);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("A sensing stream thread failed; it is replaced", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        log.info("Sensing rules topology started: {} → {} on {}", p.readingsTopic(), p.outcomesTopic(), p.bootstrap());
    }

    private void createTopics() {
        Map<String, Object> config = new HashMap<>(p.extra());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, p.bootstrap());
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(p.readingsTopic(), p.outcomesTopic()).stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.of(p.partitions()), p.replication() < 0 ? Optional.empty()
                            : Optional.of(p.replication()))).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                log.info("Created Kafka topics {} with {} partitions", missing.stream().map(NewTopic::name).toList(), p.partitions());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) { // another node was quicker
                throw new IllegalStateException("Could not create the sensing topics on " + p.bootstrap() + " (CIVICGRID_KAFKA_BOOTSTRAP): "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("No Kafka cluster answered at " + p.bootstrap() + " (CIVICGRID_KAFKA_BOOTSTRAP) within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the sensing topics", e);
        }
    }

    KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
    }

    /** Devices of the tasks (partitions) this node runs now. */
    int watchedDevices() {
        return (int) Math.min(Integer.MAX_VALUE, watched.sum());
    }

    @Override
    public void close() {
        if (streams != null) {
            // leave the group at once, so that this node's partitions move to the others now, not after the session timeout
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
    }
}
