package civicgrid.notify.sse;

import civicgrid.sensing.AlarmChanged;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a console hears of a device's alarm raised, escalated, acknowledged or cleared (event {@code alarm}). */
record LiveAlarmEvent(long alarmId, String deviceId, String type, String severity, String change, String status, String gridCode,
                      String at) implements LiveEvent {

    static LiveAlarmEvent of(AlarmChanged change) {
        return new LiveAlarmEvent(change.alarmId(), change.deviceId(), change.type(), change.severity(), change.change(), change.status(),
                change.gridCode(), change.at().toString());
    }

    @Override
    public String name() {
        return "alarm";
    }

    @Override
    public String eventId() {
        return "alarm:" + alarmId + ":" + change;
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alarmId", alarmId);
        m.put("deviceId", deviceId);
        m.put("type", type);
        m.put("severity", severity);
        m.put("change", change);
        m.put("status", status);
        m.put("gridCode", gridCode);
        m.put("at", at);
        return m;
    }
}
