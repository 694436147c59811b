package civicgrid.sensing.streams;

import civicgrid.sensing.domain.Action;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcomes topic's values: one {@link Outcome} per record, keyed by device id, as JSON with a
 * {@code kind} (the record's name) and its components, e.g.
 * {@code {"kind":"AlarmRaised","deviceId":"demo-door-1","alarmType":"DOOR_NOT_OPENED","severity":"MAJOR","ts":...,"detail":"..."}}.
 */
final class OutcomeCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutcomeCodec() {
    }

    static byte[] encode(Outcome o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", o.getClass().getSimpleName()).put("deviceId", o.deviceId()).put("ts", o.ts());
        if (o instanceof Outcome.AlarmRaised r) {
            n.put("alarmType", r.alarmType()).put("severity", r.severity().name()).put("detail", r.detail());
        } else if (o instanceof Outcome.AlarmCleared c) {
            n.put("alarmType", c.alarmType());
        } else if (o instanceof Outcome.AlarmEscalated e) {
            n.put("alarmType", e.alarmType()).put("level", e.level());
        } else if (o instanceof Outcome.SendCommand c) {
            n.put("alarmType", c.alarmType()).put("command", c.command());
        } else if (o instanceof Outcome.OpenCase c) {
            n.put("alarmType", c.alarmType()).put("severity", c.severity().name()).put("categoryCode", c.categoryCode())
                    .put("urgent", c.urgent()).put("routeTo", c.routeTo().name()).put("detail", c.detail());
        } else if (o instanceof Outcome.CallWebhook w) {
            n.put("alarmType", w.alarmType()).put("target", w.target());
        } else if (o instanceof Outcome.FollowUpScheduled f) {
            n.put("alarmType", f.alarmType()).put("followUpType", f.followUpType()).put("due", f.due());
        }
        return JSON.writeValueAsBytes(n);
    }

    /** @throws IllegalArgumentException for a value this codec did not write */
    static Outcome decode(byte[] bytes) {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        try {
            String device = n.get("deviceId").asString();
            long ts = n.get("ts").longValue();
            String type = n.path("alarmType").asString(null);
            return switch (n.get("kind").asString()) {
                case "AlarmRaised" -> new Outcome.AlarmRaised(device, type, severity(n), ts, n.path("detail").asString(null));
                case "AlarmCleared" -> new Outcome.AlarmCleared(device, type, ts);
                case "AlarmEscalated" -> new Outcome.AlarmEscalated(device, type, n.get("level").intValue(), ts);
                case "SendCommand" -> new Outcome.SendCommand(device, n.get("command").asString(), type, ts);
                case "OpenCase" -> new Outcome.OpenCase(device, type, severity(n), n.get("categoryCode").asString(),
                        n.get("urgent").booleanValue(), Action.RouteTo.valueOf(n.get("routeTo").asString()), ts,
                        n.path("detail").asString(null));
                case "CallWebhook" -> new Outcome.CallWebhook(device, n.get("target").asString(), type, ts);
                case "FollowUpScheduled" -> new Outcome.FollowUpScheduled(device, type, n.get("followUpType").asString(),
                        n.get("due").longValue(), ts);
                default -> throw new IllegalArgumentException("unknown outcome " + n.get("kind"));
            };
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("an outcome without a required field", e);
        }
    }

    private static Severity severity(JsonNode n) {
        return Severity.valueOf(n.get("severity").asString());
    }
}
