package civicgrid.sensing.app;

import civicgrid.audit.AuditApi;
import civicgrid.catalog.CatalogApi;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import civicgrid.sensing.domain.Action;
import civicgrid.sensing.domain.Alarm;
import civicgrid.sensing.domain.Rule;
import civicgrid.sensing.domain.RuleCodec;
import civicgrid.sensing.domain.RuleSet;
import civicgrid.sensing.persistence.AlarmStore;
import civicgrid.sensing.persistence.DeviceStore;
import civicgrid.sensing.persistence.RuleStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A device's rules as data: everybody who sees the device reads them; administrators replace them
 * (checked field by field, audited, and put to work on the running engine at once) or give the
 * device back its profile's rules.
 */
@Service
public class DeviceRules {

    private final DeviceRegistry registry;
    private final RuleStore store;
    private final AlarmStore alarms;
    private final SensingEngine engine;
    private final CatalogApi catalog;
    private final AuditApi audit;
    private final AlarmEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeviceRules(DeviceRegistry registry, RuleStore store, AlarmStore alarms, SensingEngine engine, CatalogApi catalog, AuditApi audit,
                AlarmEvents events, TransactionTemplate tx, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.alarms = alarms;
        this.engine = engine;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a replacement carries: the rules (the JSON form of {@link RuleCodec}) and why they change. */
    public record Replacement(Object rules, String reason) {
    }

    public Map<String, Object> get(String deviceId) {
        CurrentUser user = registry.requireStaff();
        return view(registry.requireVisible(deviceId, user), user);
    }

    public Map<String, Object> replace(String deviceId, Replacement in) {
        CurrentUser user = requireAdministrator();
        DeviceStore.Device d = registry.requireVisible(deviceId, user);
        if (in == null || in.rules() == null) {
            throw CivicGridException.badRequest("INVALID_RULE", "rules: missing (a list of rules; an empty list watches nothing).")
                    .with("field", "rules");
        }
        String reason = requireReason(in.reason());
        RuleSet rules;
        try {
            rules = RuleCodec.read(in.rules(), d.profile());
        } catch (RuleCodec.Invalid e) {
            throw CivicGridException.badRequest("INVALID_RULE", e.getMessage()).with("field", e.field());
        }
        requireKnownCategories(rules);
        String json = JsonMapper.shared().writeValueAsString(RuleCodec.write(rules));
        apply(d, rules, reason, "DEVICE_RULES_REPLACED", () -> store.put(d.id(), json, clock.instant(), user.username()));
        return view(d, user);
    }

    /** Back to the profile's rules. */
    public Map<String, Object> reset(String deviceId, String reason) {
        CurrentUser user = requireAdministrator();
        DeviceStore.Device d = registry.requireVisible(deviceId, user);
        String why = requireReason(reason);
        apply(d, null, why, "DEVICE_RULES_RESET", () -> store.delete(d.id()));
        return view(d, user);
    }

    /**
     * Stores and audits the change in one transaction, then hands the rules to the engine; alarms of
     * types the new rules no longer have are cleared (nothing would ever clear them otherwise).
     */
    private void apply(DeviceStore.Device d, RuleSet own, String reason, String action, Runnable write) {
        if (!engine.ownRulesSupported()) {
            throw CivicGridException.conflict("RULES_NOT_EDITABLE", "The Kafka Streams engine runs every device on its profile's rules;"
                    + " a device's own rules need the in-process engine.");
        }
        RuleSet before = engine.rulesOf(d);
        List<Alarm> active = alarms.list(null, d.id(), true, 100).stream().map(AlarmStore.Row::alarm).toList();
        tx.executeWithoutResult(s -> {
            write.run();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("before", RuleCodec.write(before));
            details.put("after", own == null ? "PROFILE" : RuleCodec.write(own));
            audit.record(action, "DEVICE", d.id(), reason, details);
        });
        List<String> orphaned = engine.useRules(d, own, active);
        for (String type : orphaned) {
            alarms.active(d.id(), type).ifPresent(row -> {
                Alarm cleared = row.alarm().clear(clock.instant());
                if (alarms.updateIfUnchanged(row.alarm(), cleared)) {
                    events.publish(row.with(cleared), "CLEARED");
                }
            });
        }
    }

    private Map<String, Object> view(DeviceStore.Device d, CurrentUser user) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("deviceId", d.id());
        v.put("profile", d.profile().name());
        v.put("keys", d.profile().keys());
        RuleStore.Stored own = store.find(d.id()).orElse(null);
        v.put("source", own == null ? "PROFILE" : "DEVICE");
        v.put("rules", RuleCodec.write(engine.rulesOf(d)));
        v.put("profileRules", RuleCodec.write(d.profile().defaultRules()));
        v.put("updatedAt", own == null ? null : own.updatedAt());
        v.put("updatedBy", own == null ? null : own.updatedBy());
        v.put("editable", user.role() == Role.ADMINISTRATOR);
        return v;
    }

    private void requireKnownCategories(RuleSet rules) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.rule(i);
            check(r.actions(), "rules[" + i + "].actions");
            if (r.followUp() != null) {
                check(r.followUp().actions(), "rules[" + i + "].followUp.actions");
            }
        }
    }

    private void check(List<Action> actions, String at) {
        for (int j = 0; j < actions.size(); j++) {
            if (actions.get(j) instanceof Action.OpenCase o && catalog.category(o.categoryCode()).isEmpty()) {
                throw CivicGridException.badRequest("INVALID_RULE", at + "[" + j + "].category: no category " + o.categoryCode()
                        + " in the catalog.").with("field", at + "[" + j + "].category");
            }
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw CivicGridException.badRequest("REASON_REQUIRED", "reason: say why the rules change (1 to 500 characters).");
        }
        return reason.strip();
    }

    private CurrentUser requireAdministrator() {
        CurrentUser user = registry.requireStaff();
        if (user.role() != Role.ADMINISTRATOR) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Only administrators change a device's rules.");
        }
        return user;
    }
}
