package civicgrid.sensing.persistence;

import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Devices, their latest values and their telemetry history. */
@Repository
public class DeviceStore {

    /** A registered device; its place was located once, at registration. */
    public record Device(String id, String name, Profile profile, double lon, double lat, String gridCode, String communityCode,
                        String streetCode, String districtCode, String owner, String personName, String personPhone, Instant registeredAt,
                        Instant lastContact) {
    }

    /** One history point. */
    public record Point(Instant ts, String key, Double number, String text) {
    }

    private static final String COLUMNS = "id, name, profile, lon, lat, grid_code, community_code, street_code, district_code, owner,"
            + " person_name, person_phone, registered_at, last_contact";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate telemetryTx;

    DeviceStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // a reading's own transaction, never a caller's: its commit mode must not leak into anything else
        this.telemetryTx = new TransactionTemplate(transactions);
        this.telemetryTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Registers the device unless its id is taken; true when it was new. */
    public boolean insertIfAbsent(Device d, byte[] tokenSha256, String by) {
        return jdbc.update("insert into sensing.device (" + COLUMNS + ", token_sha256, registered_by) values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing", d.id(), d.name(), d.profile().name(),
                d.lon(), d.lat(), d.gridCode(), d.communityCode(), d.streetCode(), d.districtCode(), d.owner(), d.personName(),
                d.personPhone(), Timestamp.from(d.registeredAt()), null, tokenSha256, by) == 1;
    }

    public Optional<Device> find(String id) {
        return jdbc.query("select " + COLUMNS + " from sensing.device where id = ?", DeviceStore::device, id).stream().findFirst();
    }

    /** The devices of these ids that exist, by id (one query; an ingest batch's devices). */
    public Map<String, Device> findAll(java.util.Collection<String> ids) {
        Map<String, Device> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        jdbc.query("select " + COLUMNS + " from sensing.device where id in (" + marks + ")", (rs, i) -> device(rs, i), ids.toArray())
                .forEach(d -> out.put(d.id(), d));
        return out;
    }

    public Optional<byte[]> tokenHash(String id) {
        return jdbc.query("select token_sha256 from sensing.device where id = ?", (rs, i) -> rs.getBytes(1), id).stream().findFirst();
    }

    /** Devices whose grid lies in one of the units (all when {@code units} is null), ordered by id, after {@code afterId}. */
    public List<Device> list(List<String> units, String profile, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from sensing.device where id > ?");
        List<Object> args = new ArrayList<>(List.of(afterId == null ? "" : afterId));
        scope(sql, args, units);
        if (profile != null) {
            sql.append(" and profile = ?");
            args.add(profile);
        }
        sql.append(" order by id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), DeviceStore::device, args.toArray());
    }

    /** A device with its active alarms: how many, how many nobody acknowledged, and the worst severity among them. */
    public record Listed(Device device, int activeAlarms, int unacknowledged, String worstSeverity) {
    }

    /**
     * What a console filters devices by (each null: any): a profile, a territory unit (code prefix),
     * contact since {@code onlineSince} or not, active alarms or none.
     */
    public record Filter(String profile, String unit, Boolean online, Instant onlineSince, Boolean alarm) {
    }

    private static final String SEVERITY_ORDER = "array_position(array['CRITICAL','MAJOR','MINOR','WARNING','INDETERMINATE']::varchar[],"
            + " al.severity::varchar)";

    /** Devices of the units (all when null) matching the filter, with their alarms, in id order after {@code afterId}. */
    public List<Listed> listWithAlarms(List<String> units, Filter f, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", coalesce(a.n, 0) as n, coalesce(a.unack, 0) as unack, a.worst"
                + " from sensing.device d left join lateral (select count(*) as n, count(*) filter (where al.acknowledged_at is null) as unack,"
                + " (array_agg(al.severity order by " + SEVERITY_ORDER + "))[1] as worst from sensing.alarm al"
                + " where al.device_id = d.id and al.cleared_at is null) a on true where d.id > ?");
        List<Object> args = new ArrayList<>(List.of(afterId == null ? "" : afterId));
        scope(sql, args, units);
        if (f.profile() != null) {
            sql.append(" and profile = ?");
            args.add(f.profile());
        }
        if (f.unit() != null) {
            scope(sql, args, List.of(f.unit()));
        }
        if (f.online() != null) {
            sql.append(f.online() ? " and last_contact >= ?" : " and (last_contact is null or last_contact < ?)");
            args.add(Timestamp.from(f.onlineSince()));
        }
        if (f.alarm() != null) {
            sql.append(f.alarm() ? " and coalesce(a.n, 0) > 0" : " and coalesce(a.n, 0) = 0");
        }
        sql.append(" order by d.id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new Listed(device(rs, i), rs.getInt("n"), rs.getInt("unack"), rs.getString("worst")),
                args.toArray());
    }

    /** One device with its active alarms. */
    public Listed withAlarms(Device d) {
        return jdbc.queryForObject("select count(*) as n, count(*) filter (where al.acknowledged_at is null) as unack,"
                + " (array_agg(al.severity order by " + SEVERITY_ORDER + "))[1] as worst from sensing.alarm al"
                + " where al.device_id = ? and al.cleared_at is null", (rs, i) -> new Listed(d, rs.getInt("n"), rs.getInt("unack"),
                rs.getString("worst")), d.id());
    }

    /** Every device in id order, in pages (for starting the rule engine; never on a request path). */
    public void forEach(Consumer<Device> each) {
        String after = "";
        while (true) {
            List<Device> page = list(null, null, after, 5000);
            page.forEach(each);
            if (page.size() < 5000) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from sensing.device", Long.class);
        return n == null ? 0 : n;
    }

    /** A reading of a device, to be stored. */
    public record Received(String deviceId, Reading reading) {
    }

    /** Stores one reading as {@link #recordAll} does. */
    public void record(String deviceId, Reading reading) {
        recordAll(List.of(new Received(deviceId, reading)));
    }

    /**
     * Stores readings (history, latest values, last contact) in one transaction committed without
     * waiting for the disk ({@code synchronous_commit} off for this transaction only): telemetry is a
     * stream, and a crash of the machine may cost its last fraction of a second, never consistency.
     * What a reading leads to (alarms, commands, cases, audit) commits in transactions of its own
     * that wait for the disk as always. Three batch statements whatever the number of readings: the
     * history rows, one latest value per device and key (the newest of the batch; a later reading of
     * the same time wins, as one by one), one last contact per device. Latest values and devices are
     * written in key order, so two nodes writing batches of the same devices lock rows in the same
     * order and cannot deadlock.
     */
    public void recordAll(List<Received> readings) {
        if (readings.isEmpty()) {
            return;
        }
        List<Object[]> history = new ArrayList<>();
        java.util.TreeMap<String, Object[]> latest = new java.util.TreeMap<>();
        java.util.TreeMap<String, Timestamp> contact = new java.util.TreeMap<>();
        for (Received r : readings) {
            Reading reading = r.reading();
            Timestamp ts = new Timestamp(reading.ts());
            reading.values().forEach((key, value) -> {
                Object[] row = {r.deviceId(), ts, key, value instanceof String ? null : reading.number(key), value instanceof String s ? s : null};
                history.add(row);
                latest.merge(r.deviceId() + '\u0000' + key, row, (before, now) -> ((Timestamp) now[1]).before((Timestamp) before[1]) ? before
                        : now);
            });
            contact.merge(r.deviceId(), ts, (before, now) -> now.after(before) ? now : before);
        }
        List<Object[]> contacts = new ArrayList<>();
        contact.forEach((id, ts) -> contacts.add(new Object[] {ts, id, ts}));
        telemetryTx.executeWithoutResult(status -> {
            jdbc.execute("set local synchronous_commit = off");
            jdbc.batchUpdate("insert into sensing.telemetry (device_id, ts, key, num_value, text_value) values (?, ?, ?, ?, ?)", history);
            jdbc.batchUpdate("insert into sensing.latest_value (device_id, ts, key, num_value, text_value) values (?, ?, ?, ?, ?)"
                    + " on conflict (device_id, key) do update set ts = excluded.ts, num_value = excluded.num_value,"
                    + " text_value = excluded.text_value where sensing.latest_value.ts <= excluded.ts", new ArrayList<>(latest.values()));
            jdbc.batchUpdate("update sensing.device set last_contact = ? where id = ? and (last_contact is null or last_contact < ?)",
                    contacts);
        });
    }

    public Map<String, Object> latest(String deviceId) {
        Map<String, Object> out = new LinkedHashMap<>();
        jdbc.query("select key, num_value, text_value from sensing.latest_value where device_id = ? order by key", rs -> {
            String text = rs.getString(3);
            out.put(rs.getString(1), text != null ? text : rs.getDouble(2));
        }, deviceId);
        return out;
    }

    public List<Point> history(String deviceId, String key, Instant from, Instant to, int limit) {
        String sql = "select ts, key, num_value, text_value from sensing.telemetry where device_id = ?" + (key == null ? "" : " and key = ?")
                + " and ts >= ? and ts < ? order by ts limit ?";
        List<Object> args = new ArrayList<>(List.of(deviceId));
        if (key != null) {
            args.add(key);
        }
        args.addAll(List.of(Timestamp.from(from), Timestamp.from(to), limit));
        return jdbc.query(sql, (rs, i) -> new Point(rs.getTimestamp(1).toInstant(), rs.getString(2), (Double) rs.getObject(3),
                rs.getString(4)), args.toArray());
    }

    /** Appends {@code and grid_code like any(...)} for a scope; nothing for the whole city (null). */
    static void scope(StringBuilder sql, List<Object> args, List<String> units) {
        if (units == null) {
            return;
        }
        if (units.isEmpty()) {
            sql.append(" and false");
            return;
        }
        sql.append(" and (");
        for (int i = 0; i < units.size(); i++) {
            sql.append(i == 0 ? "" : " or ").append("grid_code like ?");
            args.add(units.get(i).replace("%", "").replace("_", "") + "%");
        }
        sql.append(')');
    }

    private static Device device(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_contact");
        return new Device(rs.getString("id"), rs.getString("name"), Profile.valueOf(rs.getString("profile")), rs.getDouble("lon"),
                rs.getDouble("lat"), rs.getString("grid_code"), rs.getString("community_code"), rs.getString("street_code"),
                rs.getString("district_code"), rs.getString("owner"), rs.getString("person_name"), rs.getString("person_phone"),
                rs.getTimestamp("registered_at").toInstant(), last == null ? null : last.toInstant());
    }
}
