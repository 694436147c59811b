package civicgrid.sensing.web;

import civicgrid.sensing.app.AlarmDesk;
import civicgrid.sensing.app.DeviceRegistry;
import civicgrid.sensing.app.DeviceRules;
import civicgrid.sensing.persistence.DeviceStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The device registry and alarms of the caller's territory. */
@RestController
class DeviceController {

    private final DeviceRegistry registry;
    private final AlarmDesk alarms;
    private final DeviceRules rules;

    DeviceController(DeviceRegistry registry, AlarmDesk alarms, DeviceRules rules) {
        this.registry = registry;
        this.alarms = alarms;
        this.rules = rules;
    }

    /** The caller's devices: by profile, territory unit (e.g. a street), online or not, with active alarms or not. */
    @GetMapping("/api/v1/devices")
    Map<String, Object> list(@RequestParam(required = false) String profile, @RequestParam(required = false) String unit,
                             @RequestParam(required = false) Boolean online, @RequestParam(required = false) Boolean alarm,
                             @RequestParam(required = false) String after, @RequestParam(defaultValue = "200") int limit) {
        return Map.of("items", registry.list(new DeviceRegistry.ListQuery(profile, unit, online, alarm, after, limit)));
    }

    /** The caller's devices as map dots (at most 5,000), each with its state and active alarms. */
    @GetMapping("/api/v1/sensing/map")
    List<Map<String, Object>> points(@RequestParam(required = false) String unit) {
        return registry.points(unit);
    }

    @GetMapping("/api/v1/devices/{id}/rules")
    Map<String, Object> rules(@PathVariable String id) {
        return rules.get(id);
    }

    /** Administrators: the device's own rules, replacing its profile's at once. */
    @PutMapping("/api/v1/devices/{id}/rules")
    Map<String, Object> replaceRules(@PathVariable String id, @RequestBody DeviceRules.Replacement in) {
        return rules.replace(id, in);
    }

    /** Administrators: back to the profile's rules. */
    @DeleteMapping("/api/v1/devices/{id}/rules")
    Map<String, Object> resetRules(@PathVariable String id, @RequestParam(required = false) String reason) {
        return rules.reset(id, reason);
    }

    @GetMapping("/api/v1/devices/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return registry.get(id);
    }

    @GetMapping("/api/v1/devices/{id}/telemetry")
    Map<String, Object> history(@PathVariable String id, @RequestParam(required = false) String key,
                                @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                @RequestParam(required = false) Integer hours) {
        List<DeviceStore.Point> points = registry.history(id, key, from, to, hours);
        return Map.of("items", points);
    }

    /** 201 with the device; {@code token} only when CivicGrid made it (shown this once). */
    @PostMapping("/api/v1/devices")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> register(@RequestBody DeviceRegistry.NewDevice in) {
        return withToken(registry.register(in));
    }

    /** A CSV file (text/csv body): every row registered, or none with the bad row's line named. */
    @PostMapping(path = "/api/v1/devices/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> importCsv(@RequestBody String csv) {
        List<Map<String, Object>> items = registry.importCsv(csv).stream().map(DeviceController::withToken).toList();
        return Map.of("imported", items.size(), "items", items);
    }

    @GetMapping("/api/v1/alarms")
    Map<String, Object> alarms(@RequestParam(defaultValue = "true") boolean active, @RequestParam(required = false) String deviceId,
                               @RequestParam(defaultValue = "200") int limit) {
        return Map.of("items", alarms.list(active, deviceId, limit));
    }

    /** Why an alarm is acknowledged or cleared by hand (optional; kept in the audit log). */
    record AlarmNote(String reason) {
    }

    @PostMapping("/api/v1/alarms/{id}/ack")
    Map<String, Object> acknowledge(@PathVariable long id, @RequestBody(required = false) AlarmNote note) {
        return alarms.acknowledge(id, note == null ? null : note.reason());
    }

    @PostMapping("/api/v1/alarms/{id}/clear")
    Map<String, Object> clear(@PathVariable long id, @RequestBody(required = false) AlarmNote note) {
        return alarms.clear(id, note == null ? null : note.reason());
    }

    private static Map<String, Object> withToken(DeviceRegistry.Registered r) {
        Map<String, Object> out = new LinkedHashMap<>(r.device());
        if (r.token() != null) {
            out.put("token", r.token());
        }
        return out;
    }
}
