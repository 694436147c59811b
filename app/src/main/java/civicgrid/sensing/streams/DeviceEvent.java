package civicgrid.sensing.streams;

import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the readings topic carries, keyed by device id so that everything about one device lands on
 * one partition, in order: readings (with the device's profile, so the topology knows its rules
 * without a lookup), registrations, and what operators did to its alarms. JSON:
 *
 * <pre>
 * {"kind":"reading","profile":"DOOR_MAGNET","since":&lt;ms&gt;,"ts":&lt;ms&gt;,"values":{"open":true}}
 * {"kind":"register","profile":"DOOR_MAGNET","since":&lt;ms&gt;}
 * {"kind":"ack","alarmType":"SMOKE"}
 * {"kind":"clear","alarmType":"SMOKE","ts":&lt;ms&gt;}
 * </pre>
 *
 * {@code since} is when the device's absence deadlines run from if the topology does not know it yet
 * (its last contact, otherwise its registration), as the in-process engine registers it.
 */
sealed interface DeviceEvent {

    JsonMapper JSON = JsonMapper.builder().build();

    record ReadingArrived(Profile profile, long since, Reading reading) implements DeviceEvent {
    }

    record Registered(Profile profile, long since) implements DeviceEvent {
    }

    record Acknowledged(String alarmType) implements DeviceEvent {
    }

    record ClearedByHand(String alarmType, long ts) implements DeviceEvent {
    }

    static byte[] encode(DeviceEvent e) {
        ObjectNode n = JSON.createObjectNode();
        if (e instanceof ReadingArrived r) {
            n.put("kind", "reading").put("profile", r.profile().name()).put("since", r.since()).put("ts", r.reading().ts());
            ObjectNode values = n.putObject("values");
            r.reading().values().forEach((k, v) -> {
                if (v instanceof Boolean b) {
                    values.put(k, b);
                } else if (v instanceof Number num) {
                    values.put(k, num.doubleValue());
                } else {
                    values.put(k, String.valueOf(v));
                }
            });
        } else if (e instanceof Registered r) {
            n.put("kind", "register").put("profile", r.profile().name()).put("since", r.since());
        } else if (e instanceof Acknowledged a) {
            n.put("kind", "ack").put("alarmType", a.alarmType());
        } else if (e instanceof ClearedByHand c) {
            n.put("kind", "clear").put("alarmType", c.alarmType()).put("ts", c.ts());
        }
        return JSON.writeValueAsBytes(n);
    }

    /** @throws IllegalArgumentException for a message that is not one of the four */
    static DeviceEvent decode(byte[] bytes) {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("not JSON", ex);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String kind = n.path("kind").asString("");
        return switch (kind) {
            case "reading" -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> v : n.path("values").properties()) {
                    JsonNode x = v.getValue();
                    values.put(v.getKey(), x.isBoolean() ? x.booleanValue() : x.isNumber() ? (Object) x.doubleValue() : x.asString());
                }
                yield new ReadingArrived(profile(n), required(n, "since"), new Reading(required(n, "ts"), values));
            }
            case "register" -> new Registered(profile(n), required(n, "since"));
            case "ack" -> new Acknowledged(text(n, "alarmType"));
            case "clear" -> new ClearedByHand(text(n, "alarmType"), required(n, "ts"));
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
        };
    }

    private static Profile profile(JsonNode n) {
        return Profile.valueOf(text(n, "profile"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException("\"" + field + "\" missing");
        }
        return v.asString();
    }

    private static long required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be epoch milliseconds");
        }
        return v.longValue();
    }
}
