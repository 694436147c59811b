package civicgrid.sensing.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broker messages waiting to be taken in, and the one worker that takes them in a batch at a time:
 * whatever arrived while the previous batch was written, up to {@link #MAX_BATCH}, in arrival order.
 * No waiting for a batch to fill: under a light load a batch is one message and adds no delay; under
 * a heavy one the batches grow by themselves. One worker keeps each device's readings in the order
 * the broker delivered them. The queue is bounded: when it is full the broker's thread waits, which
 * holds back the broker's deliveries (the external broker's receive window, Moquette's session loop).
 */
final class TelemetryBatches {

    private static final Logger log = LoggerFactory.getLogger(TelemetryBatches.class);
    static final int CAPACITY = 10_000;
    static final int MAX_BATCH = 500;

    /** A message as the broker handed it over; {@code takenIn} runs once it is stored or refused, never when CivicGrid failed on it. */
    record Incoming(String deviceId, byte[] payload, String transport, Runnable takenIn) {
    }

    private final BlockingQueue<Incoming> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Consumer<List<Incoming>> takeIn;
    private volatile Thread worker;
    private volatile boolean closing;

    TelemetryBatches(Consumer<List<Incoming>> takeIn) {
        this.takeIn = takeIn;
    }

    /** Queues a message, waiting while the queue is full; false when interrupted (the message was not taken). */
    boolean put(Incoming message) {
        startOnce();
        try {
            queue.put(message);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void startOnce() {
        if (worker == null) {
            Thread w = new Thread(this::run, "telemetry-ingest");
            w.setDaemon(true);
            worker = w; // before it runs: it works while it is the worker
            w.start();
        }
    }

    private void run() {
        List<Incoming> batch = new ArrayList<>(MAX_BATCH);
        while (worker == Thread.currentThread()) { // a worker that closing gave up on stops here
            Incoming first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                takeIn.accept(batch);
            } catch (RuntimeException e) {
                log.error("A batch of {} telemetry messages failed; none of them is acknowledged", batch.size(), e);
            }
            batch.clear();
        }
    }

    /**
     * Takes in what is queued (waiting at most {@code waitMillis}), then stops the worker; a later
     * {@link #put} starts a new one (a context that shared the ingest and closed first does not stop it
     * for good).
     */
    synchronized void close(long waitMillis) {
        Thread w = worker;
        if (w == null) {
            return;
        }
        closing = true;
        try {
            w.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closing = false;
            worker = null;
        }
    }

    int queued() {
        return queue.size();
    }
}
