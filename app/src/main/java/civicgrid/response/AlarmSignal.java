package civicgrid.response;

/**
 * An alarm as response sees it: the seam for the sensing module, whose alarm event is mapped to
 * this and handed to {@link Incidents#startForAlarm} (response does not depend on sensing).
 *
 * @param severity MINOR, MAJOR or CRITICAL
 * @param unitCode the territory code of the alarm's place (grid or finer)
 */
public record AlarmSignal(String alarmId, String alarmType, String severity, String unitCode, double lon, double lat) {
}
