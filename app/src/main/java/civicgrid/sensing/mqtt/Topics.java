package civicgrid.sensing.mqtt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The topics of the MQTT contract. */
final class Topics {

    private static final Pattern TELEMETRY = Pattern.compile("civicgrid/v1/devices/([^/]+)/telemetry");
    private static final Pattern ACKS = Pattern.compile("civicgrid/v1/devices/([^/]+)/acks");

    /** Every device's telemetry (a subscription filter). */
    static final String ALL_TELEMETRY = "civicgrid/v1/devices/+/telemetry";

    /** Every device's acknowledgements of commands (a subscription filter). */
    static final String ALL_ACKS = "civicgrid/v1/devices/+/acks";

    private Topics() {
    }

    static String telemetry(String deviceId) {
        return "civicgrid/v1/devices/" + deviceId + "/telemetry";
    }

    static String commands(String deviceId) {
        return "civicgrid/v1/devices/" + deviceId + "/commands";
    }

    static String acks(String deviceId) {
        return "civicgrid/v1/devices/" + deviceId + "/acks";
    }

    /** The device id of an acknowledgements topic, or null. */
    static String ackDevice(String topic) {
        Matcher m = ACKS.matcher(topic);
        return m.matches() ? m.group(1) : null;
    }

    /** The device id of a telemetry topic, or null. */
    static String telemetryDevice(String topic) {
        Matcher m = TELEMETRY.matcher(topic);
        return m.matches() ? m.group(1) : null;
    }
}
