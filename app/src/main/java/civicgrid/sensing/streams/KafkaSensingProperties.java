package civicgrid.sensing.streams;

import java.time.Duration;
import java.util.Map;

/**
 * {@code civicgrid.sensing.kafka.*}: where the Kafka cluster is and how the rules topology uses it
 * (read only with {@code civicgrid.sensing.engine=kafka-streams}; bound by {@link KafkaSensingConfiguration},
 * deliberately not a {@code @ConfigurationProperties} class: the application's properties scan would bind it,
 * and refuse the missing bootstrap, on every start).
 *
 * @param bootstrap     the brokers, {@code CIVICGRID_KAFKA_BOOTSTRAP} (e.g. {@code kafka-1:9092,kafka-2:9092})
 * @param applicationId the Kafka Streams application id: every node with the same id shares the devices
 *                      (also the prefix of the state store's changelog topic)
 * @param readingsTopic key device id, readings and alarm operations in
 * @param outcomesTopic key device id, what the rules decided out
 * @param partitions    partitions of the two topics when CivicGrid creates them: the most nodes (stream threads) that share the work
 * @param replication   replication factor of the topics it creates (and of the changelog); -1 takes the broker's default
 * @param streamThreads stream threads per node
 * @param stateDir      where RocksDB keeps this node's device state (a local disk; rebuilt from the changelog when lost)
 * @param tick          how often the wall-clock punctuator fires due deadlines
 * @param actionsGroup  consumer group of the nodes that carry out outcomes (each outcome once per group)
 * @param extra         any further Kafka client setting (security.protocol, sasl.*, ...), passed to the producer,
 *                      the consumer, the admin client and Kafka Streams alike
 */
record KafkaSensingProperties(String bootstrap, String applicationId, String readingsTopic, String outcomesTopic, Integer partitions,
                              Short replication, Integer streamThreads, String stateDir, Duration tick, String actionsGroup,
                              Map<String, String> extra) {

    KafkaSensingProperties {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalStateException("civicgrid.sensing.engine=kafka-streams needs CIVICGRID_KAFKA_BOOTSTRAP"
                    + " (civicgrid.sensing.kafka.bootstrap), e.g. kafka-1:9092,kafka-2:9092");
        }
        applicationId = blank(applicationId) ? "civicgrid-sensing" : applicationId;
        readingsTopic = blank(readingsTopic) ? "civicgrid.sensing.readings" : readingsTopic;
        outcomesTopic = blank(outcomesTopic) ? "civicgrid.sensing.outcomes" : outcomesTopic;
        partitions = partitions == null ? 12 : partitions;
        replication = replication == null ? (short) -1 : replication;
        streamThreads = streamThreads == null ? 1 : streamThreads;
        stateDir = blank(stateDir) ? System.getProperty("java.io.tmpdir") + "/civicgrid-kafka-streams" : stateDir;
        tick = tick == null ? Duration.ofSeconds(1) : tick;
        actionsGroup = blank(actionsGroup) ? applicationId + "-actions" : actionsGroup;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
