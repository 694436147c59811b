package civicgrid.sensing.app;

import civicgrid.identity.CurrentUser;
import civicgrid.platform.CivicGridException;
import civicgrid.sensing.domain.Alarm;
import civicgrid.sensing.persistence.AlarmStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Alarms of the caller's territory: list, acknowledge (stops the escalation), clear by hand. */
@Service
public class AlarmDesk {

    private final AlarmStore alarms;
    private final DeviceRegistry registry;
    private final SensingEngine engine;
    private final Clock clock;

    AlarmDesk(AlarmStore alarms, DeviceRegistry registry, SensingEngine engine, Clock clock) {
        this.alarms = alarms;
        this.registry = registry;
        this.engine = engine;
        this.clock = clock;
    }

    public List<Map<String, Object>> list(boolean activeOnly, String deviceId, int limit) {
        CurrentUser user = registry.requireStaff();
        return alarms.list(DeviceRegistry.units(user), deviceId, activeOnly, Math.max(1, Math.min(limit, 1000))).stream().map(AlarmDesk::view)
                .toList();
    }

    public Map<String, Object> acknowledge(long id) {
        CurrentUser user = requireWriter();
        AlarmStore.Row row = visible(id, user);
        Alarm after;
        try {
            after = row.alarm().acknowledge(user.username(), clock.instant());
        } catch (IllegalStateException e) {
            throw CivicGridException.conflict("ALARM_ALREADY_ACKNOWLEDGED", "The alarm was acknowledged already by "
                    + row.alarm().acknowledgedBy() + ".");
        }
        alarms.update(after);
        if (after.active()) {
            engine.acknowledged(after.deviceId(), after.type());
        }
        return view(new AlarmStore.Row(after, row.gridCode(), row.caseId()));
    }

    public Map<String, Object> clear(long id) {
        CurrentUser user = requireWriter();
        AlarmStore.Row row = visible(id, user);
        Alarm after;
        try {
            after = row.alarm().clear(clock.instant());
        } catch (IllegalStateException e) {
            throw CivicGridException.conflict("ALARM_ALREADY_CLEARED", "The alarm is cleared already.");
        }
        alarms.update(after);
        engine.clearedByHand(after.deviceId(), after.type());
        return view(new AlarmStore.Row(after, row.gridCode(), row.caseId()));
    }

    private CurrentUser requireWriter() {
        CurrentUser user = registry.requireStaff();
        if (user.role().readOnly()) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Leaders watch alarms; they do not change them.");
        }
        return user;
    }

    private AlarmStore.Row visible(long id, CurrentUser user) {
        return alarms.find(id).filter(r -> user.sees(r.gridCode()))
                .orElseThrow(() -> CivicGridException.notFound("ALARM_NOT_FOUND", "No alarm " + id + " in your territory."));
    }

    static Map<String, Object> view(AlarmStore.Row row) {
        Alarm a = row.alarm();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.id());
        v.put("deviceId", a.deviceId());
        v.put("type", a.type());
        v.put("severity", a.severity().name());
        v.put("status", a.status().name());
        v.put("gridCode", row.gridCode());
        v.put("startedAt", a.startedAt());
        v.put("clearedAt", a.clearedAt());
        v.put("acknowledgedAt", a.acknowledgedAt());
        v.put("acknowledgedBy", a.acknowledgedBy());
        v.put("escalations", a.escalations());
        v.put("detail", a.detail());
        v.put("caseId", row.caseId() == null ? null : row.caseId().toString());
        return v;
    }
}
