package civicgrid.sensing.app;

import civicgrid.cases.Channel;
import civicgrid.cases.ChannelIntake;
import civicgrid.cases.NewReport;
import civicgrid.sensing.domain.Action;
import civicgrid.sensing.domain.Alarm;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.persistence.AlarmStore;
import civicgrid.sensing.persistence.DeviceStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Carries out what the rule core decided: stores alarms and their transitions, opens urgent cases
 * through the IoT channel of the closed loop, records commands with an id and sends them, and hands
 * due webhooks to the event publication registry (notify signs and delivers them). A failure
 * of one outcome is logged and does not stop the others. The in-process engine and the Kafka Streams
 * topology's outcomes (relayed from the outcomes topic) both end here.
 */
@Service
public class Actions {

    private static final Logger log = LoggerFactory.getLogger(Actions.class);

    private final DeviceStore devices;
    private final AlarmStore alarms;
    private final Commands commands;
    private final ChannelIntake intake;
    private final MessageSource messages;
    private final MeterRegistry meters;
    private final AlarmEvents events;
    private final AlarmWebhooks webhooks;

    Actions(DeviceStore devices, AlarmStore alarms, Commands commands, ChannelIntake intake, MessageSource messages, MeterRegistry meters,
            AlarmEvents events, AlarmWebhooks webhooks) {
        this.events = events;
        this.webhooks = webhooks;
        this.devices = devices;
        this.alarms = alarms;
        this.commands = commands;
        this.intake = intake;
        this.messages = messages;
        this.meters = meters;
    }

    public void carryOut(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            try {
                carryOut(o);
            } catch (RuntimeException e) {
                log.error("Could not carry out {} ", o, e);
            }
        }
    }

    private void carryOut(Outcome o) {
        if (o instanceof Outcome.AlarmRaised r) {
            DeviceStore.Device d = device(r.deviceId());
            events.raise(Alarm.raised(r.deviceId(), r.alarmType(), r.severity(), Instant.ofEpochMilli(r.ts()), r.detail()), d.gridCode());
            meters.counter("civicgrid.sensing.alarms.raised", "type", r.alarmType()).increment();
        } else if (o instanceof Outcome.AlarmCleared c) {
            alarms.active(c.deviceId(), c.alarmType()).ifPresent(row -> {
                Alarm cleared = row.alarm().clear(Instant.ofEpochMilli(c.ts()));
                alarms.update(cleared);
                events.publish(row.with(cleared), "CLEARED");
            });
        } else if (o instanceof Outcome.AlarmEscalated e) {
            alarms.active(e.deviceId(), e.alarmType()).ifPresent(row -> {
                Alarm escalated = row.alarm().escalated(e.level());
                alarms.update(escalated);
                events.publish(row.with(escalated), "ESCALATED");
            });
        } else if (o instanceof Outcome.OpenCase c) {
            openCase(c);
        } else if (o instanceof Outcome.SendCommand c) {
            commands.send(c);
        } else if (o instanceof Outcome.CallWebhook w) {
            webhooks.due(w, device(w.deviceId()));
        }
    }

    private void openCase(Outcome.OpenCase c) {
        DeviceStore.Device d = device(c.deviceId());
        String type = messages.getMessage("sensing.alarm." + c.alarmType(), null, c.alarmType(), Locale.CHINESE);
        StringBuilder text = new StringBuilder(c.routeTo() == Action.RouteTo.DISTRICT ? "【区城运中心预警】" : "")
                .append("物联感知告警：").append(type).append("（设备 ").append(d.id()).append(' ').append(d.name()).append("）");
        if (d.personName() != null) {
            // the phone is masked by the closed loop for every role that does not visit residents
            text.append("，关怀对象 ").append(civicgrid.identity.PersonalData.maskName(d.personName()));
            if (d.personPhone() != null) {
                text.append("，电话 ").append(d.personPhone());
            }
        }
        ChannelIntake.Outcome outcome = intake.report(new NewReport(c.categoryCode(), text.toString(), d.lon(), d.lat(), c.urgent(),
                Channel.IOT_SENSOR), new ChannelIntake.Source("device:" + d.id(), Channel.IOT_SENSOR, true), false);
        alarms.active(c.deviceId(), c.alarmType()).ifPresent(row -> {
            alarms.linkCase(row.alarm().id(), UUID.fromString(outcome.caseView().id()));
            // other modules (response's automatic plans) hear of it through sensing's root event
            events.openedCase(row, d, outcome.caseView().id());
        });
        meters.counter("civicgrid.sensing.cases.opened", "category", c.categoryCode()).increment();
    }

    private DeviceStore.Device device(String id) {
        return devices.find(id).orElseThrow(() -> new IllegalStateException("device " + id + " is gone"));
    }
}
