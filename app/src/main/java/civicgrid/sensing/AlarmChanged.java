package civicgrid.sensing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Published when an alarm is raised, escalated, acknowledged or cleared (by its rule, by hand, or
 * because its rule was removed): consoles show it live. Best effort, like a screen's refresh: the
 * stored alarm stays the truth.
 *
 * @param change RAISED, ESCALATED, ACKNOWLEDGED or CLEARED
 * @param status the alarm's status after the change (ACTIVE_UNACK, ACTIVE_ACK, CLEARED_UNACK, CLEARED_ACK)
 */
public record AlarmChanged(long alarmId, String deviceId, String type, String severity, String change, String status, String gridCode,
                           Instant at) {

    /** What a console hears (the {@code data} of the server-sent event {@code alarm}). */
    public Map<String, Object> payload() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alarmId", alarmId);
        m.put("deviceId", deviceId);
        m.put("type", type);
        m.put("severity", severity);
        m.put("change", change);
        m.put("status", status);
        m.put("gridCode", gridCode);
        m.put("at", at.toString());
        return m;
    }
}
