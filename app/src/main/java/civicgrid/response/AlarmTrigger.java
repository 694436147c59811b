package civicgrid.response;

import civicgrid.sensing.AlarmOpenedCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sensing's alarms as response sees them: an alarm that opened a case is mapped to an
 * {@link AlarmSignal} and the plans that start by themselves on it start on that case. Sensing knows
 * nothing of response; a plan that cannot start is logged and does not disturb the alarm's handling.
 */
@Component
class AlarmTrigger {

    private static final Logger log = LoggerFactory.getLogger(AlarmTrigger.class);
    private final Incidents incidents;

    AlarmTrigger(Incidents incidents) {
        this.incidents = incidents;
    }

    @EventListener
    void on(AlarmOpenedCase alarm) {
        try {
            incidents.startForAlarm(signal(alarm), alarm.caseId())
                    .forEach(started -> log.info("Alarm {} of {} started plan {} (incident {})", alarm.alarmType(), alarm.deviceId(),
                            started.planCode(), started.id()));
        } catch (RuntimeException e) {
            log.error("Could not start the plans for alarm {} of device {}", alarm.alarmType(), alarm.deviceId(), e);
        }
    }

    /** Sensing's WARNING and INDETERMINATE count as MINOR for plan triggers. */
    static AlarmSignal signal(AlarmOpenedCase a) {
        String severity = switch (a.severity()) {
            case "CRITICAL", "MAJOR" -> a.severity();
            default -> "MINOR";
        };
        return new AlarmSignal(String.valueOf(a.alarmId()), a.alarmType(), severity, a.gridCode(), a.lon(), a.lat());
    }
}
