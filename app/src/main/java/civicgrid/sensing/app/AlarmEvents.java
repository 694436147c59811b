package civicgrid.sensing.app;

import civicgrid.sensing.AlarmChanged;
import civicgrid.sensing.persistence.AlarmStore;
import civicgrid.sensing.domain.Alarm;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the rest of the application that an alarm changed (consoles show it live). */
@Component
class AlarmEvents {

    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    AlarmEvents(ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    void publish(AlarmStore.Row row, String change) {
        Alarm a = row.alarm();
        publisher.publishEvent(new AlarmChanged(a.id(), a.deviceId(), a.type(), a.severity().name(), change, a.status().name(), row.gridCode(),
                clock.instant()));
    }
}
