package civicgrid.sensing.mqtt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The topics of the MQTT contract. */
final class Topics {

    private static final Pattern TELEMETRY = Pattern.compile("civicgrid/v1/devices/([^/]+)/telemetry");

    private Topics() {
    }

    static String telemetry(String deviceId) {
        return "civicgrid/v1/devices/" + deviceId + "/telemetry";
    }

    static String commands(String deviceId) {
        return "civicgrid/v1/devices/" + deviceId + "/commands";
    }

    /** The device id of a telemetry topic, or null. */
    static String telemetryDevice(String topic) {
        Matcher m = TELEMETRY.matcher(topic);
        return m.matches() ? m.group(1) : null;
    }
}
