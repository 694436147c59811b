package civicgrid.sensing.streams;

import civicgrid.sensing.domain.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the topology's outcomes back to the node: consumes the outcomes topic in one consumer group
 * (the nodes split its partitions, so each outcome is carried out by one node), decodes each record
 * and hands every polled batch, in partition order, to the sink (the in-process engine's
 * {@code Actions}). Offsets are committed after the batch was carried out: at least once, so a node
 * dying mid-batch may have a few outcomes carried out twice by the next owner of the partition.
 */
final class OutcomeRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRelay.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<List<Outcome>> sink;
    private final String topic;
    private final Thread thread;
    private volatile boolean running = true;

    OutcomeRelay(KafkaSensingProperties p, Consumer<List<Outcome>> sink) {
        Map<String, Object> config = new HashMap<>(p.extra());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, p.bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, p.actionsGroup());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, p.applicationId() + "-actions");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.sink = sink;
        this.topic = p.outcomesTopic();
        this.thread = new Thread(this::run, "sensing-outcomes");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<Outcome> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> r : records) {
                    try {
                        batch.add(OutcomeCodec.decode(r.value()));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        log.warn("Skipped an unreadable outcome at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
                try {
                    sink.accept(batch);
                } catch (RuntimeException e) {
                    log.error("Carrying out {} outcomes failed; they are not retried", batch.size(), e);
                }
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("The outcomes relay stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        if (!thread.isAlive()) {
            if (thread.getState() == Thread.State.NEW) {
                consumer.close(Duration.ofSeconds(5));
            }
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
