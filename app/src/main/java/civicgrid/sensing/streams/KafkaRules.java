package civicgrid.sensing.streams;

import civicgrid.sensing.app.RemoteRules;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's side of the topology: puts readings, registrations and alarm operations on the
 * readings topic, keyed by device id (so one device's messages stay in order on one partition).
 * Sends are asynchronous with {@code acks=all} and idempotence; a send that still fails after the
 * producer's retries is logged and counted ({@code civicgrid_sensing_kafka_send_failed_total}).
 */
final class KafkaRules implements RemoteRules, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaRules.class);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Counter failed;
    private final IntSupplier watched;

    KafkaRules(KafkaSensingProperties p, MeterRegistry meters, IntSupplier watched) {
        Map<String, Object> config = new HashMap<>(p.extra());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, p.bootstrap());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, p.applicationId() + "-ingest");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = p.readingsTopic();
        this.failed = meters.counter("civicgrid.sensing.kafka.send.failed");
        this.watched = watched;
    }

    @Override
    public void register(String deviceId, Profile profile, long since) {
        send(deviceId, new DeviceEvent.Registered(profile, since));
    }

    @Override
    public void evaluate(String deviceId, Profile profile, long since, Reading reading) {
        send(deviceId, new DeviceEvent.ReadingArrived(profile, since, reading));
    }

    @Override
    public void acknowledged(String deviceId, String alarmType) {
        send(deviceId, new DeviceEvent.Acknowledged(alarmType));
    }

    @Override
    public void clearedByHand(String deviceId, String alarmType, long now) {
        send(deviceId, new DeviceEvent.ClearedByHand(alarmType, now));
    }

    @Override
    public int watchedDevices() {
        return watched.getAsInt();
    }

    private void send(String deviceId, DeviceEvent event) {
        producer.send(new ProducerRecord<>(topic, deviceId, DeviceEvent.encode(event)), (meta, e) -> {
            if (e != null) {
                failed.increment();
                log.error("Could not put {} of device {} on {}", event.getClass().getSimpleName(), deviceId, topic, e);
            }
        });
    }

    /** Sends what is buffered (tests, shutdown). */
    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
