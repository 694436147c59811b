package civicgrid.sensing.app;

import civicgrid.sensing.AlarmChanged;
import civicgrid.sensing.AlarmOpenedCase;
import civicgrid.sensing.persistence.DeviceStore;
import civicgrid.sensing.persistence.AlarmStore;
import civicgrid.sensing.domain.Alarm;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Raises alarms, and tells the rest of the application that an alarm changed (consoles show it live)
 * or opened its case (response starts the plans that start by themselves).
 */
@Component
class AlarmEvents {

    private final ApplicationEventPublisher publisher;
    private final AlarmStore alarms;
    private final Clock clock;

    AlarmEvents(ApplicationEventPublisher publisher, AlarmStore alarms, Clock clock) {
        this.publisher = publisher;
        this.alarms = alarms;
        this.clock = clock;
    }

    /** Stores a new active alarm unless one of its device and type is active already; a new one is announced. */
    void raise(Alarm alarm, String gridCode) {
        if (alarms.insertActive(alarm, gridCode)) {
            alarms.active(alarm.deviceId(), alarm.type()).ifPresent(row -> publish(row, "RAISED"));
        }
    }

    void publish(AlarmStore.Row row, String change) {
        Alarm a = row.alarm();
        publisher.publishEvent(new AlarmChanged(a.id(), a.deviceId(), a.type(), a.severity().name(), change, a.status().name(), row.gridCode(),
                clock.instant()));
    }

    /** The alarm's urgent case exists: other modules hear of it through sensing's root event, never its internals. */
    void openedCase(AlarmStore.Row row, DeviceStore.Device device, String caseId) {
        Alarm a = row.alarm();
        publisher.publishEvent(new AlarmOpenedCase(a.id(), device.id(), a.type(), a.severity().name(), device.gridCode(), device.lon(),
                device.lat(), caseId, clock.instant()));
    }
}
