package civicgrid.cases.persistence;

import civicgrid.cases.CaseId;
import civicgrid.cases.CaseState;
import civicgrid.cases.Channel;
import civicgrid.cases.HandlingLevel;
import civicgrid.cases.domain.Assignment;
import civicgrid.cases.domain.CaseEvent;
import civicgrid.cases.domain.CaseFile;
import civicgrid.cases.domain.StageClock;
import civicgrid.cases.domain.CaseLocation;
import civicgrid.catalog.ClockType;
import civicgrid.catalog.TimeLimit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores cases (optimistic locking on {@code version}), their history, reporters and idempotency keys. */
@Repository
public class CaseRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String COLUMNS = "id, number, version, channel, category_code, category_version, description, urgent, lon, lat,"
            + " grid_code, community_code, street_code, district_code, road_segment_code, reporter, reported_at, state,"
            + " state_before_hang, handling_level, assignment_instance, assignment_code, assignment_level, stage_seq,"
            + " stage_full_clock, stage_full_amount, stage_clock, stage_amount, stage_started_at, stage_warning_at, stage_deadline,"
            + " warned, overdue, overdue_escalated, postpone_clock, postpone_amount, merged_into, whistle, verified_on_time, registered_on_time,"
            + " dispatched_on_time, handled_on_time, ever_overdue, returns, reworks, supervisions, escalations, postponements,"
            + " rating, closed_at";
    private final JdbcTemplate jdbc;

    public CaseRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next case number, CG + date + serial. Serials come from the database sequence in blocks of
     * {@value #NUMBER_BLOCK} (the sequence steps by that much), so several nodes never collide and a
     * report costs no extra round trip; numbers stay unique, not gap-free.
     */
    public String nextNumber(Instant now) {
        long serial;
        synchronized (this) {
            if (nextSerial >= blockEnd) {
                Long start = jdbc.queryForObject("select nextval('cases.case_number_seq')", Long.class);
                nextSerial = start == null ? 1 : start;
                blockEnd = nextSerial + NUMBER_BLOCK;
            }
            serial = nextSerial++;
        }
        String day = now.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString().replace("-", "");
        return "CG" + day + String.format("%07d", serial);
    }

    static final int NUMBER_BLOCK = 100;
    private long nextSerial;
    private long blockEnd;

    /** Case ids in id order after {@code after} (null: from the first), at most {@code limit}. */
    public java.util.List<CaseId> idsAfter(CaseId after, int limit) {
        return jdbc.query("select id from cases.case_file where id > ? order by id limit ?",
                (rs, i) -> new CaseId(rs.getObject(1, java.util.UUID.class)),
                after == null ? new java.util.UUID(0, 0) : after.value(), limit);
    }

    public Optional<CaseFile> find(CaseId id) {
        return jdbc.query("select " + COLUMNS + " from cases.case_file where id = ?", CaseRepository::map, id.value())
                .stream().findFirst();
    }

    private static final String[] ALL_COLUMNS = (COLUMNS + ", is_open, updated_at").split(",\\s*");
    private static final String INSERT = "insert into cases.case_file (" + String.join(", ", ALL_COLUMNS) + ") values ("
            + "?,".repeat(ALL_COLUMNS.length - 1) + "?)";
    /** Every column but id and version (version is bumped in place), then the id and the version read. */
    private static final String UPDATE = "update cases.case_file set version = version + 1, "
            + String.join(", ", java.util.Arrays.stream(ALL_COLUMNS).skip(1).filter(c -> !c.equals("version")).map(c -> c + " = ?")
                    .toList()) + " where id = ? and version = ?";
    private static final int VERSION_INDEX = java.util.Arrays.asList(ALL_COLUMNS).indexOf("version");

    public void insert(CaseFile c, Instant now) {
        jdbc.update(INSERT, values(c, now));
        c.stored(c.version());
    }

    /** Writes the case if nobody changed it since it was read; otherwise {@link OptimisticLockingFailureException}. */
    public void update(CaseFile c, Instant now) {
        Object[] values = values(c, now);
        List<Object> params = new ArrayList<>(values.length + 1);
        for (int i = 1; i < values.length; i++) {
            if (i != VERSION_INDEX) {
                params.add(values[i]);
            }
        }
        params.add(c.id().value());
        params.add(c.version());
        if (jdbc.update(UPDATE, params.toArray()) == 0) {
            throw new OptimisticLockingFailureException("case " + c.id() + " changed concurrently");
        }
        c.stored(c.version() + 1);
    }

    private static Object[] values(CaseFile c, Instant now) {
        StageClock clock = c.clock();
        CaseLocation l = c.location();
        Assignment a = c.assignment();
        CaseFile.Figures f = c.figures();
        TimeLimit postpone = c.pendingPostponement();
        return new Object[] {c.id().value(), c.number(), c.version(), c.channel().name(), c.categoryCode(), c.categoryVersion(),
            c.description(), c.urgent(), l.lon(), l.lat(), l.gridCode(), l.communityCode(), l.streetCode(), l.districtCode(),
            l.roadSegmentCode(), c.reporter(), ts(c.reportedAt()), c.state().name(),
            c.stateBeforeHang() == null ? null : c.stateBeforeHang().name(), c.level().name(),
            a == null ? null : a.departmentInstance(), a == null ? null : a.departmentCode(), a == null ? null : a.departmentLevel(),
            clock == null ? null : clock.seq(), clock == null ? null : clock.fullLimit().clock().name(),
            clock == null ? null : clock.fullLimit().amount(), clock == null ? null : clock.limit().clock().name(),
            clock == null ? null : clock.limit().amount(), clock == null ? null : ts(clock.startedAt()),
            clock == null ? null : ts(clock.warningAt()), clock == null ? null : ts(clock.deadline()),
            clock != null && clock.warned(), clock != null && clock.overdue(), clock != null && clock.escalated(),
            postpone == null ? null : postpone.clock().name(), postpone == null ? null : postpone.amount(),
            c.mergedInto() == null ? null : c.mergedInto().value(), c.whistle().isEmpty() ? null : JSON.writeValueAsString(
                    new TreeMap<>(c.whistle())), f.verifiedOnTime(), f.registeredOnTime(), f.dispatchedOnTime(), f.handledOnTime(),
            f.everOverdue(), f.returns(), f.reworks(), f.supervisions(), f.escalations(), f.postponements(), f.rating(),
            ts(c.closedAt()), c.state().open(), ts(now)};
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static CaseFile map(ResultSet rs, int row) throws SQLException {
        StageClock clock = null;
        if (rs.getObject("stage_seq") != null) {
            clock = new StageClock(rs.getInt("stage_seq"),
                    new TimeLimit(ClockType.valueOf(rs.getString("stage_full_clock")), rs.getBigDecimal("stage_full_amount")),
                    new TimeLimit(ClockType.valueOf(rs.getString("stage_clock")), rs.getBigDecimal("stage_amount")),
                    instant(rs, "stage_started_at"), instant(rs, "stage_warning_at"), instant(rs, "stage_deadline"),
                    rs.getBoolean("warned"), rs.getBoolean("overdue"), rs.getBoolean("overdue_escalated"));
        }
        String assignment = rs.getString("assignment_instance");
        String postponeClock = rs.getString("postpone_clock");
        String whistle = rs.getString("whistle");
        String beforeHang = rs.getString("state_before_hang");
        UUID merged = rs.getObject("merged_into", UUID.class);
        return new CaseFile(new CaseId(rs.getObject("id", UUID.class)), rs.getString("number"), rs.getLong("version"),
                Channel.valueOf(rs.getString("channel")), rs.getString("category_code"), rs.getInt("category_version"),
                rs.getString("description"), rs.getBoolean("urgent"),
                new CaseLocation(rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("grid_code"), rs.getString("community_code"),
                        rs.getString("street_code"), rs.getString("district_code"), rs.getString("road_segment_code")),
                rs.getString("reporter"), instant(rs, "reported_at"), CaseState.valueOf(rs.getString("state")),
                beforeHang == null ? null : CaseState.valueOf(beforeHang), HandlingLevel.valueOf(rs.getString("handling_level")),
                assignment == null ? null : new Assignment(assignment, rs.getString("assignment_code"), rs.getString("assignment_level")),
                clock, postponeClock == null ? null : new TimeLimit(ClockType.valueOf(postponeClock), rs.getBigDecimal("postpone_amount")),
                merged == null ? null : new CaseId(merged),
                whistle == null ? Map.of() : JSON.readValue(whistle, new TypeReference<LinkedHashMap<String, Boolean>>() { }),
                new CaseFile.Figures(bool(rs, "verified_on_time"), bool(rs, "registered_on_time"), bool(rs, "dispatched_on_time"),
                        bool(rs, "handled_on_time"), rs.getBoolean("ever_overdue"), rs.getInt("returns"), rs.getInt("reworks"),
                        rs.getInt("supervisions"), rs.getInt("escalations"), rs.getInt("postponements"),
                        (Integer) rs.getObject("rating")),
                instant(rs, "closed_at"));
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        return v == null ? null : (Boolean) v;
    }

    /** Appends history; a new case's history starts at 1 without asking the database. */
    public void appendEvents(CaseId id, List<CaseEvent> events, boolean newCase) {
        if (events.isEmpty()) {
            return;
        }
        Integer last = newCase ? Integer.valueOf(0) : jdbc.queryForObject(
                "select coalesce(max(seq), 0) from cases.case_event where case_id = ?", Integer.class, id.value());
        int seq = last == null ? 0 : last;
        List<Object[]> rows = new ArrayList<>();
        for (CaseEvent e : events) {
            rows.add(new Object[] {id.value(), ++seq, e.action().name(), e.from() == null ? null : e.from().name(), e.to().name(),
                e.actor(), e.actorRole(), e.reason(), ts(e.at()), e.details().isEmpty() ? null
                    : JSON.writeValueAsString(new TreeMap<>(e.details()))});
        }
        jdbc.batchUpdate("insert into cases.case_event (case_id, seq, action, from_state, to_state, actor, actor_role, reason, at,"
                + " details) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** A case's history, oldest first. */
    public List<Map<String, Object>> history(CaseId id) {
        return jdbc.queryForList("select seq, action, from_state, to_state, actor, actor_role, reason, at, details"
                + " from cases.case_event where case_id = ? order by seq", id.value());
    }

    public Optional<CaseFile> findByNumber(String number) {
        return jdbc.query("select " + COLUMNS + " from cases.case_file where number = ?", CaseRepository::map, number)
                .stream().findFirst();
    }

    /**
     * Cases reported in [from, to), newest first: of the given numbers and categories when those
     * are not empty, open or closed ones only when asked; for public listings (Open311).
     */
    public List<CaseFile> reportedBetween(Instant from, Instant to, List<String> numbers, List<String> categories, Boolean open,
                                          int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from cases.case_file where reported_at >= ? and reported_at < ?");
        List<Object> args = new java.util.ArrayList<>(List.of(ts(from), ts(to)));
        if (!numbers.isEmpty()) {
            sql.append(" and number in (").append("?,".repeat(numbers.size() - 1)).append("?)");
            args.addAll(numbers);
        }
        if (!categories.isEmpty()) {
            sql.append(" and category_code in (").append("?,".repeat(categories.size() - 1)).append("?)");
            args.addAll(categories);
        }
        if (open != null) {
            sql.append(open ? " and is_open" : " and not is_open");
        }
        sql.append(" order by reported_at desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), CaseRepository::map, args.toArray());
    }

    public void linkReporter(CaseId id, String reporter, String channel, Instant at) {
        jdbc.update("insert into cases.case_reporter (case_id, reporter, channel, linked_at) values (?, ?, ?, ?)"
                + " on conflict do nothing", id.value(), reporter, channel, ts(at));
    }

    public List<String> reporters(CaseId id) {
        return jdbc.queryForList("select reporter from cases.case_reporter where case_id = ? order by linked_at, reporter",
                String.class, id.value());
    }

    /** The case an idempotency key already created, if any. */
    public Optional<CaseId> caseForKey(String principal, String key) {
        return jdbc.queryForList("select case_id from cases.idempotency_key where principal = ? and key = ?", UUID.class,
                principal, key).stream().findFirst().map(CaseId::new);
    }

    /** False when the key is taken (by a concurrent request with the same key). */
    public boolean claimKey(String principal, String key, CaseId id, Instant at) {
        return jdbc.update("insert into cases.idempotency_key (principal, key, case_id, created_at) values (?, ?, ?, ?)"
                + " on conflict do nothing", principal, key, id.value(), ts(at)) == 1;
    }

    /** An open case near a point, and how far. */
    public record Nearby(CaseFile file, double meters) {
    }

    /**
     * Open cases of a category reported since {@code since} within {@code meters} of a point, oldest report
     * first (at most 20): the index narrows to a box, the distance decides.
     */
    public List<Nearby> openWithin(String category, Instant since, double lon, double lat, double meters) {
        double dLat = meters / 111_320.0;
        double dLon = civicgrid.geo.Distances.degreesLon(meters, lat);
        return jdbc.query("select " + COLUMNS + " from cases.case_file where is_open and category_code = ? and reported_at >= ?"
                        + " and lat between ? and ? and lon between ? and ? order by reported_at limit 20", CaseRepository::map, category,
                        ts(since), lat - dLat, lat + dLat, lon - dLon, lon + dLon).stream()
                .map(c -> new Nearby(c, civicgrid.geo.Distances.meters(lon, lat, c.location().lon(), c.location().lat())))
                .filter(n -> n.meters() <= meters).toList();
    }

    /**
     * Open cases of any category within {@code meters} of a point, nearest first (at most {@code limit}):
     * the place index narrows to a box of at most 500 rows, the distance decides.
     */
    public List<Nearby> openNear(double lon, double lat, double meters, int limit) {
        double dLat = meters / 111_320.0;
        double dLon = civicgrid.geo.Distances.degreesLon(meters, lat);
        return jdbc.query("select " + COLUMNS + " from cases.case_file where is_open and lat between ? and ? and lon between ? and ?"
                        + " limit 500", CaseRepository::map, lat - dLat, lat + dLat, lon - dLon, lon + dLon).stream()
                .map(c -> new Nearby(c, civicgrid.geo.Distances.meters(lon, lat, c.location().lon(), c.location().lat())))
                .filter(n -> n.meters() <= meters).sorted(java.util.Comparator.comparingDouble(Nearby::meters)).limit(limit).toList();
    }
}
