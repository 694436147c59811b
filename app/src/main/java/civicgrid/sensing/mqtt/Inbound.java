package civicgrid.sensing.mqtt;

import civicgrid.sensing.app.Commands;
import civicgrid.sensing.app.TelemetryIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What devices publish, for both brokers: telemetry into the ingest's batches, acknowledgements of
 * commands to {@link Commands}. A refused message (unknown device, malformed payload, an id that is
 * not one of the device's commands) is counted and dropped: it never stops the consumer.
 */
class Inbound {

    private static final Logger log = LoggerFactory.getLogger(Inbound.class);

    private final TelemetryIngest ingest;
    private final Commands commands;
    private final String transport;

    Inbound(TelemetryIngest ingest, Commands commands, String transport) {
        this.ingest = ingest;
        this.commands = commands;
        this.transport = transport;
    }

    /**
     * Hands one message on. {@code login} is the device the broker authenticated (the embedded broker),
     * or null where the broker keeps devices to their own topics itself (an external broker's ACL).
     * {@code done} runs once the message is done with (accepted or refused) — for telemetry later, on
     * the ingest's worker, after the batch it went with was stored; it does not run when CivicGrid
     * failed on the message, which should then come again.
     */
    void handle(String topic, String login, byte[] payload, Runnable done) {
        String acking = Topics.ackDevice(topic);
        if (acking != null) {
            if (acknowledge(acking, login, payload)) {
                done.run();
            }
            return;
        }
        String deviceId = Topics.telemetryDevice(topic);
        if (deviceId == null || login != null && !deviceId.equals(login)) {
            done.run();
            return;
        }
        if (!ingest.takeIn(deviceId, payload, transport, done)) {
            log.debug("MQTT telemetry of {} not taken: interrupted while the ingest queue was full", deviceId);
        }
    }

    private boolean acknowledge(String deviceId, String login, byte[] payload) {
        if (login != null && !deviceId.equals(login)) {
            return true;
        }
        try {
            Commands.Ack ack = commands.acknowledge(deviceId, payload);
            log.debug("Acknowledgement of {}: {}", deviceId, ack);
            return true;
        } catch (RuntimeException e) {
            log.error("MQTT acknowledgement of {} failed", deviceId, e);
            return false;
        }
    }
}
