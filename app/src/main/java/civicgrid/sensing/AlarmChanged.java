package civicgrid.sensing;

import java.time.Instant;

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
}
