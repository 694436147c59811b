package civicgrid.sensing.app;

import civicgrid.audit.AuditApi;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.PersonalData;
import civicgrid.platform.CivicGridException;
import civicgrid.sensing.domain.Alarm;
import civicgrid.sensing.persistence.AlarmStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Alarms of the caller's territory: list, acknowledge (stops the escalation), clear by hand. */
@Service
public class AlarmDesk {

    private final AlarmStore alarms;
    private final DeviceRegistry registry;
    private final SensingEngine engine;
    private final Clock clock;
    private final AuditApi audit;
    private final AlarmEvents events;
    private final TransactionTemplate tx;
    private final IdentityApi identity;

    AlarmDesk(AlarmStore alarms, DeviceRegistry registry, SensingEngine engine, Clock clock, AuditApi audit, AlarmEvents events,
              TransactionTemplate tx, IdentityApi identity) {
        this.identity = identity;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.alarms = alarms;
        this.registry = registry;
        this.engine = engine;
        this.clock = clock;
    }

    public List<Map<String, Object>> list(boolean activeOnly, String deviceId, int limit) {
        CurrentUser user = registry.requireStaff();
        List<AlarmStore.Row> rows = alarms.list(DeviceRegistry.units(user), deviceId, activeOnly, Math.max(1, Math.min(limit, 1000)));
        Map<String, String> names = identity.namesShown(rows.stream().map(r -> r.alarm().acknowledgedBy()).toList(),
                PersonalData.forViewer(user));
        return rows.stream().map(r -> view(r, names.get(r.alarm().acknowledgedBy()))).toList();
    }

    /** Taken on by the caller: its escalation stops. Audited with the caller's reason (may be null). */
    public Map<String, Object> acknowledge(long id, String reason) {
        CurrentUser user = requireWriter();
        AlarmStore.Row row = visible(id, user);
        Alarm after;
        try {
            after = row.alarm().acknowledge(user.username(), clock.instant());
        } catch (IllegalStateException e) {
            throw alreadyAcknowledged(row.alarm());
        }
        write(row, after, "ACKNOWLEDGED", reason);
        if (after.active()) {
            engine.acknowledged(after.deviceId(), after.type());
        }
        return view(row.with(after), user.displayName());
    }

    /** Over, by the caller's hand (the rule raises a new alarm if its condition holds again). Audited with the reason. */
    public Map<String, Object> clear(long id, String reason) {
        CurrentUser user = requireWriter();
        AlarmStore.Row row = visible(id, user);
        Alarm after;
        try {
            after = row.alarm().clear(clock.instant());
        } catch (IllegalStateException e) {
            throw alreadyCleared();
        }
        write(row, after, "CLEARED", reason);
        engine.clearedByHand(after.deviceId(), after.type());
        String acknowledgedBy = after.acknowledgedBy();
        return view(row.with(after), acknowledgedBy == null ? null
                : identity.namesShown(List.of(acknowledgedBy), PersonalData.forViewer(user)).get(acknowledgedBy));
    }

    /** Stores a transition by hand with its audit record, or refuses it when someone else changed the alarm meanwhile. */
    private void write(AlarmStore.Row row, Alarm after, String change, String reason) {
        if (reason != null && reason.length() > 500) {
            throw CivicGridException.badRequest("REASON_TOO_LONG", "A reason has at most 500 characters.");
        }
        Alarm before = row.alarm();
        tx.executeWithoutResult(s -> {
            if (!alarms.updateIfUnchanged(before, after)) {
                Alarm now = alarms.find(before.id()).map(AlarmStore.Row::alarm).orElse(before);
                throw change.equals("ACKNOWLEDGED") && now.acknowledged() ? alreadyAcknowledged(now)
                        : change.equals("CLEARED") && !now.active() ? alreadyCleared()
                        : CivicGridException.conflict("ALARM_CHANGED", "The alarm changed meanwhile; look at it again.");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("deviceId", after.deviceId());
            details.put("type", after.type());
            details.put("status", after.status().name());
            audit.record("ALARM_" + change, "ALARM", String.valueOf(after.id()), reason == null || reason.isBlank() ? null : reason.strip(),
                    details);
            events.publish(row.with(after), change);
        });
    }

    private static CivicGridException alreadyAcknowledged(Alarm a) {
        return CivicGridException.conflict("ALARM_ALREADY_ACKNOWLEDGED", "The alarm was acknowledged already by " + a.acknowledgedBy() + ".");
    }

    private static CivicGridException alreadyCleared() {
        return CivicGridException.conflict("ALARM_ALREADY_CLEARED", "The alarm is cleared already.");
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

    /** An alarm as the API shows it; {@code acknowledgedByName}: who took it on, by the name their account is shown by. */
    private static Map<String, Object> view(AlarmStore.Row row, String acknowledgedByName) {
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
        v.put("acknowledgedByName", acknowledgedByName);
        v.put("escalations", a.escalations());
        v.put("detail", a.detail());
        v.put("caseId", row.caseId() == null ? null : row.caseId().toString());
        return v;
    }
}
