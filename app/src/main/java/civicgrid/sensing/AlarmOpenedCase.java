package civicgrid.sensing;

import java.time.Instant;

/**
 * Published when a device's alarm opened an urgent case through the closed loop (the IoT channel):
 * other modules react to alarms through this, never through sensing's internals (response starts
 * the plans whose trigger names the alarm type).
 *
 * @param severity MINOR, MAJOR or CRITICAL
 * @param gridCode the grid of the device's place
 */
public record AlarmOpenedCase(long alarmId, String deviceId, String alarmType, String severity, String gridCode, double lon, double lat,
                              String caseId, Instant at) {
}
