package civicgrid.sensing.app;

import civicgrid.geo.GeoApi;
import civicgrid.geo.Location;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.PersonalData;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.persistence.DeviceStore;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The device registry: registration one by one or from CSV (the place located once, the token
 * kept hashed), and the devices of the caller's territory with the watched person's details masked
 * for every role that does not visit residents there.
 */
@Service
public class DeviceRegistry {

    static final Set<Role> KEEPERS = Set.of(Role.ADMINISTRATOR, Role.CITY_OPERATOR, Role.DISTRICT_OPERATOR, Role.STREET_OPERATOR);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,28}");
    /** Older than this, a device counts as offline (door magnets and smoke detectors report once a day when idle). */
    private static final Duration OFFLINE_AFTER = Duration.ofHours(25);
    private static final int MAX_CSV_ROWS = 20_000;

    private final Commands commands;
    private final DeviceStore store;
    private final SensingEngine engine;
    private final GeoApi geo;
    private final IdentityApi identity;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeviceRegistry(DeviceStore store, SensingEngine engine, Commands commands, GeoApi geo, IdentityApi identity, TransactionTemplate tx,
            Clock clock) {
        this.store = store;
        this.commands = commands;
        this.engine = engine;
        this.geo = geo;
        this.identity = identity;
        this.tx = tx;
        this.clock = clock;
    }

    /** A device to register; {@code token} null: CivicGrid makes one and answers it once. */
    public record NewDevice(String id, String name, String profile, Double lon, Double lat, String owner, String personName,
                            String personPhone, String token) {
    }

    /** A registered device and, when CivicGrid made it, its token (shown this once, never again). */
    public record Registered(Map<String, Object> device, String token) {
    }

    public Registered register(NewDevice in) {
        CurrentUser user = requireKeeper();
        Checked c = check(in, user);
        if (!store.insertIfAbsent(c.device(), DeviceTokens.hash(c.token()), user.username())) {
            throw CivicGridException.conflict("DEVICE_EXISTS", "A device " + in.id() + " is registered already.");
        }
        engine.register(c.device());
        return new Registered(view(c.device(), user), in.token() == null ? c.token() : null);
    }

    /**
     * Registers every row of a CSV file (header {@code id,name,profile,lon,lat,owner,person_name,person_phone,token})
     * or none: a bad row is refused with its line number.
     */
    public List<Registered> importCsv(String csv) {
        CurrentUser user = requireKeeper();
        List<Checked> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get())) {
            List<String> header = parser.getHeaderNames();
            for (String required : List.of("id", "name", "profile", "lon", "lat", "owner")) {
                if (!header.contains(required)) {
                    throw CivicGridException.badRequest("INVALID_CSV", "line 1: the header lacks the column " + required
                            + " (columns: id,name,profile,lon,lat,owner,person_name,person_phone,token).");
                }
            }
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (rows.size() >= MAX_CSV_ROWS) {
                    throw CivicGridException.badRequest("INVALID_CSV", "At most " + MAX_CSV_ROWS + " devices per file.");
                }
                try {
                    NewDevice in = new NewDevice(get(r, "id"), get(r, "name"), get(r, "profile"), number(get(r, "lon"), "lon"),
                            number(get(r, "lat"), "lat"), get(r, "owner"), get(r, "person_name"), get(r, "person_phone"), get(r, "token"));
                    Checked c = check(in, user);
                    if (!ids.add(in.id()) || store.find(in.id()).isPresent()) {
                        throw CivicGridException.conflict("DEVICE_EXISTS", "device " + in.id() + " is registered already or twice in the file.");
                    }
                    rows.add(c);
                } catch (CivicGridException e) {
                    throw CivicGridException.badRequest("INVALID_CSV_ROW", "line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw CivicGridException.badRequest("INVALID_CSV", "The file is not valid CSV with a header line.");
        }
        if (rows.isEmpty()) {
            throw CivicGridException.badRequest("INVALID_CSV", "The file holds no device rows.");
        }
        tx.executeWithoutResult(s -> rows.forEach(c -> {
            if (!store.insertIfAbsent(c.device(), DeviceTokens.hash(c.token()), user.username())) {
                throw CivicGridException.conflict("DEVICE_EXISTS", "A device " + c.device().id() + " was registered meanwhile.");
            }
        }));
        rows.forEach(c -> engine.register(c.device()));
        return rows.stream().map(c -> new Registered(view(c.device(), user), c.generated() ? c.token() : null)).toList();
    }

    /** What a console lists devices by; each null: any. */
    public record ListQuery(String profile, String unit, Boolean online, Boolean alarm, String after, int limit) {
    }

    /** The caller's devices matching the query, in id order, each with its state (ALARM, OFFLINE, NORMAL) and active alarms. */
    public List<Map<String, Object>> list(ListQuery q) {
        CurrentUser user = requireStaff();
        return store.listWithAlarms(units(user), filter(q, user), q.after(), Math.max(1, Math.min(q.limit(), 1000))).stream()
                .map(l -> withAlarms(view(l.device(), user), l)).toList();
    }

    /** At most this many devices on a map (a district's worth; a city-wide screen zooms into a district). */
    static final int MAX_POINTS = 5000;

    /** The caller's devices as dots for a map: place, profile, state and alarms, nothing personal. */
    public List<Map<String, Object>> points(String unit) {
        CurrentUser user = requireStaff();
        return store.listWithAlarms(units(user), filter(new ListQuery(null, unit, null, null, null, 0), user), null, MAX_POINTS).stream()
                .map(l -> {
                    DeviceStore.Device d = l.device();
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("id", d.id());
                    v.put("name", d.name());
                    v.put("profile", d.profile().name());
                    v.put("lon", d.lon());
                    v.put("lat", d.lat());
                    v.put("gridCode", d.gridCode());
                    v.put("online", online(d));
                    return withAlarms(v, l);
                }).toList();
    }

    public Map<String, Object> get(String id) {
        CurrentUser user = requireStaff();
        DeviceStore.Device d = requireVisible(id, user);
        Map<String, Object> v = withAlarms(view(d, user), store.withAlarms(d));
        v.put("keys", d.profile().keys());
        v.put("latest", store.latest(id));
        v.put("commands", commands.recent(id, 10));
        return v;
    }

    /** Bounded: at most a week back, at most 5,000 points. */
    public List<DeviceStore.Point> history(String id, String key, Instant from, Instant to, Integer hours) {
        requireVisible(id, requireStaff());
        if (hours != null && (hours < 1 || hours > 168)) {
            throw CivicGridException.badRequest("INVALID_RANGE", "hours: 1 to 168 (a week).");
        }
        if (key != null && !TelemetryIngest.KEY.matcher(key).matches()) {
            throw CivicGridException.badRequest("INVALID_KEY", "key: a telemetry key like methane or hr.");
        }
        Instant end = to == null ? clock.instant() : to;
        Instant start = from != null ? from : end.minus(Duration.ofHours(hours == null ? 24 : hours));
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(Duration.ofDays(31)) > 0) {
            throw CivicGridException.badRequest("INVALID_RANGE", "from must lie before to, at most 31 days apart.");
        }
        return store.history(id, key, start, end, 5000);
    }

    private DeviceStore.Filter filter(ListQuery q, CurrentUser user) {
        if (q.profile() != null) {
            profile(q.profile());
        }
        String unit = q.unit() == null || q.unit().isBlank() ? null : q.unit().strip();
        if (unit != null && (!unit.matches("\\d{6}|\\d{9}|\\d{12}|\\d{15}") || !user.sees(unit))) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "unit: " + unit + " is not a territory unit of yours.");
        }
        return new DeviceStore.Filter(q.profile() == null ? null : profile(q.profile()).name(), unit, q.online(),
                clock.instant().minus(OFFLINE_AFTER), q.alarm());
    }

    private static Map<String, Object> withAlarms(Map<String, Object> v, DeviceStore.Listed l) {
        boolean online = Boolean.TRUE.equals(v.get("online"));
        v.put("state", l.activeAlarms() > 0 ? "ALARM" : online ? "NORMAL" : "OFFLINE");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("active", l.activeAlarms());
        a.put("unacknowledged", l.unacknowledged());
        a.put("severity", l.worstSeverity());
        v.put("alarms", a);
        return v;
    }

    private boolean online(DeviceStore.Device d) {
        return d.lastContact() != null && d.lastContact().isAfter(clock.instant().minus(OFFLINE_AFTER));
    }

    /** The device if the caller's territory holds it; 404 otherwise (others' devices are not confirmed to exist). */
    DeviceStore.Device requireVisible(String id, CurrentUser user) {
        return store.find(id).filter(d -> user.sees(d.gridCode()))
                .orElseThrow(() -> CivicGridException.notFound("DEVICE_NOT_FOUND", "No device " + id + " in your territory."));
    }

    /** The caller's territory as unit codes for a query; null for the whole city. */
    static List<String> units(CurrentUser user) {
        return user.scope().cityWide() ? null : List.copyOf(user.scope().unitCodes());
    }

    CurrentUser requireStaff() {
        CurrentUser user = identity.requireCurrentUser();
        if (!user.role().usesConsole()) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Devices are for the command centers and grid staff.");
        }
        return user;
    }

    private CurrentUser requireKeeper() {
        CurrentUser user = identity.requireCurrentUser();
        if (!KEEPERS.contains(user.role())) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Administrators and the street, district and city centers register devices.");
        }
        return user;
    }

    Map<String, Object> view(DeviceStore.Device d, CurrentUser viewer) {
        PersonalData.Masker mask = PersonalData.forViewerIn(viewer, d.gridCode());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id());
        v.put("name", d.name());
        v.put("profile", d.profile().name());
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("lon", d.lon());
        place.put("lat", d.lat());
        place.put("gridCode", d.gridCode());
        place.put("communityCode", d.communityCode());
        place.put("streetCode", d.streetCode());
        place.put("districtCode", d.districtCode());
        place.put("gridName", unitName(d.gridCode()));
        place.put("communityName", unitName(d.communityCode()));
        place.put("streetName", unitName(d.streetCode()));
        place.put("districtName", unitName(d.districtCode()));
        v.put("place", place);
        v.put("owner", d.owner());
        if (d.personName() != null || d.personPhone() != null) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", mask.name(d.personName()));
            person.put("phone", mask.phone(d.personPhone()));
            v.put("person", person);
        }
        v.put("online", online(d));
        v.put("lastContact", d.lastContact());
        v.put("registeredAt", d.registeredAt());
        return v;
    }

    private String unitName(String code) {
        return geo.unit(civicgrid.geo.UnitCode.of(code)).map(civicgrid.geo.TerritoryUnit::name).orElse(null);
    }

    private record Checked(DeviceStore.Device device, String token, boolean generated) {
    }

    private Checked check(NewDevice in, CurrentUser user) {
        if (in.id() == null || !TelemetryIngest.DEVICE_ID.matcher(in.id()).matches()) {
            throw CivicGridException.badRequest("INVALID_DEVICE_ID", "A device id is 1 to 60 letters, digits, '.', '_', ':' or '-'.");
        }
        Profile profile = profile(in.profile());
        if (blankOrLonger(in.name(), 120) || blankOrLonger(in.owner(), 120)) {
            throw CivicGridException.badRequest("INVALID_DEVICE", "A device needs a name and an owner (at most 120 characters each).");
        }
        if (in.personName() != null && in.personName().length() > 60 || in.personPhone() != null && !PHONE.matcher(in.personPhone()).matches()) {
            throw CivicGridException.badRequest("INVALID_PERSON", "The watched person's name has at most 60 characters and the phone 6 to 30 digits.");
        }
        if (in.token() != null && (in.token().length() < 16 || in.token().length() > 200)) {
            throw CivicGridException.badRequest("WEAK_TOKEN", "A device token has 16 to 200 characters (leave it out and CivicGrid makes one).");
        }
        if (in.lon() == null || in.lat() == null) {
            throw CivicGridException.badRequest("LOCATION_REQUIRED", "A device needs lon and lat.");
        }
        GeoApi.requireValidCoordinates(in.lon(), in.lat());
        Location where = geo.locate(in.lon(), in.lat()).orElseThrow(() -> CivicGridException.badRequest("LOCATION_OUTSIDE_CITY",
                "The device's point is outside the city."));
        if (!user.sees(where.grid().code())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This point is outside your territory.");
        }
        String token = in.token() == null ? DeviceTokens.generate() : in.token();
        return new Checked(new DeviceStore.Device(in.id(), in.name().strip(), profile, in.lon(), in.lat(), where.grid().code(),
                where.community().code(), where.street().code(), where.district().code(), in.owner().strip(), blankToNull(in.personName()),
                blankToNull(in.personPhone()), clock.instant(), null), token, in.token() == null);
    }

    private static Profile profile(String name) {
        try {
            return Profile.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CivicGridException.badRequest("UNKNOWN_PROFILE", "Unknown profile " + name + "; one of " + List.of(Profile.values()) + ".");
        }
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? blankToNull(r.get(column)) : null;
    }

    private static Double number(String s, String column) {
        if (s == null) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            throw CivicGridException.badRequest("INVALID_NUMBER", column + " is not a number: " + s);
        }
    }

    private static boolean blankOrLonger(String s, int max) {
        return s == null || s.isBlank() || s.length() > max;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
