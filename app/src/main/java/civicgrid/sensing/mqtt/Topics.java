package civicgrid.sensing.mqtt;

/** The topics of the MQTT contract. */
final class Topics {

    private static final String DEVICES = "civicgrid/v1/devices/";
    private static final String TELEMETRY = "/telemetry";
    private static final String ACKS = "/acks";

    /** Every device's telemetry (a subscription filter). */
    static final String ALL_TELEMETRY = DEVICES + "+" + TELEMETRY;

    /** Every device's acknowledgements of commands (a subscription filter). */
    static final String ALL_ACKS = DEVICES + "+" + ACKS;

    private Topics() {
    }

    static String telemetry(String deviceId) {
        return DEVICES + deviceId + TELEMETRY;
    }

    static String commands(String deviceId) {
        return DEVICES + deviceId + "/commands";
    }

    static String acks(String deviceId) {
        return DEVICES + deviceId + ACKS;
    }

    /** The device id of an acknowledgements topic, or null. */
    static String ackDevice(String topic) {
        return device(topic, ACKS);
    }

    /** The device id of a telemetry topic, or null. */
    static String telemetryDevice(String topic) {
        return device(topic, TELEMETRY);
    }

    /**
     * The one non-empty level between the devices' prefix and {@code suffix}, or null. Compared as
     * strings, not by a regular expression: every message goes through here on a broker's thread.
     */
    private static String device(String topic, String suffix) {
        int end = topic.length() - suffix.length();
        if (end <= DEVICES.length() || !topic.startsWith(DEVICES) || !topic.endsWith(suffix) || topic.indexOf('/', DEVICES.length()) != end) {
            return null;
        }
        return topic.substring(DEVICES.length(), end);
    }
}
