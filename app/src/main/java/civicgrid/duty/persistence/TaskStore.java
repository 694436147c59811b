package civicgrid.duty.persistence;

import civicgrid.duty.domain.DueTask;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The day's tasks; inserting the same (worker, item, subject, day) twice leaves one row. */
@Repository
public class TaskStore {

    private static final String COLUMNS = "id, worker_id, worker_username, grid_code, item_code, list_version, subject_kind,"
            + " subject_key, due_date, lon, lat, state, done_at, done_by, distance_m, flag, note, photo_type";
    private final JdbcTemplate jdbc;

    TaskStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredTask(UUID id, UUID workerId, String workerUsername, String gridCode, String itemCode, int listVersion,
                             String subjectKind, String subjectKey, LocalDate dueDate, double lon, double lat, String state,
                             Instant doneAt, String doneBy, Double distanceMeters, String flag, String note, String photoType) {
    }

    private static final RowMapper<StoredTask> MAP = (rs, i) -> new StoredTask(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
            rs.getObject(9, LocalDate.class), rs.getDouble(10), rs.getDouble(11), rs.getString(12),
            rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14),
            (Double) rs.getObject(15), rs.getString(16), rs.getString(17), rs.getString(18));

    /** A task to insert, with the worker it is for (account and display name). */
    public record NewTask(String workerUsername, String workerName, DueTask task) {
    }

    /**
     * Inserts the tasks not there yet; returns how many were new. One multi-row statement per 500
     * tasks, because its update count is exact where a rewritten JDBC batch only says "some rows".
     */
    public int insertMissing(List<NewTask> tasks) {
        int created = 0;
        for (int from = 0; from < tasks.size(); from += 500) {
            List<NewTask> chunk = tasks.subList(from, Math.min(tasks.size(), from + 500));
            List<Object> args = new ArrayList<>(chunk.size() * 12);
            for (NewTask n : chunk) {
                DueTask t = n.task();
                args.addAll(List.of(UUID.randomUUID(), UUID.fromString(t.workerId()), n.workerUsername(), t.gridCode(), t.itemCode(),
                        t.listVersion(), t.subjectKind().name(), t.subjectKey(), t.date(), t.lon(), t.lat()));
                args.add(n.workerName());
            }
            created += jdbc.update("insert into duty.task (id, worker_id, worker_username, grid_code, item_code, list_version,"
                    + " subject_kind, subject_key, due_date, lon, lat, worker_name) values "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                    + " on conflict (worker_id, item_code, subject_kind, subject_key, due_date) do nothing", args.toArray());
        }
        return created;
    }

    public boolean plannedFor(UUID workerId, LocalDate date) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from duty.task where worker_id = ? and due_date = ?)",
                Boolean.class, workerId, date));
    }

    public List<StoredTask> ofWorker(UUID workerId, LocalDate date) {
        return jdbc.query("select " + COLUMNS + " from duty.task where worker_id = ? and due_date = ? order by item_code, subject_key, id",
                MAP, workerId, date);
    }

    public List<StoredTask> ofUnit(String unitPrefix, LocalDate date, int limit) {
        return jdbc.query("select " + COLUMNS + " from duty.task where grid_code like ? and due_date = ?"
                + " order by grid_code, worker_username, item_code, subject_key limit ?", MAP, unitPrefix + "%", date, limit);
    }

    public Optional<StoredTask> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from duty.task where id = ?", MAP, id).stream().findFirst();
    }

    /** Marks an open task done; false when it was done already (a second tick, or a race with one). */
    public boolean markDone(UUID id, String by, Instant at, Double lon, Double lat, Double distanceMeters, String flag, String note,
                            byte[] photo, String photoType) {
        return jdbc.update("update duty.task set state = 'DONE', done_at = ?, done_by = ?, done_lon = ?, done_lat = ?, distance_m = ?,"
                + " flag = ?, note = ?, photo = ?, photo_type = ? where id = ? and state = 'OPEN'", Timestamp.from(at), by, lon, lat,
                distanceMeters, flag, note, photo, photoType, id) == 1;
    }

    public record Completion(String key, String workerName, long total, long done, long flagged, long overdue) {
    }

    /**
     * Tasks due from {@code from} to {@code to} inside a unit, counted per group: per worker, or per
     * unit with codes cut to {@code codeLength} digits (grid 15, community 12, street 9).
     */
    public List<Completion> completion(String unitPrefix, LocalDate from, LocalDate to, LocalDate today, Integer codeLength) {
        String key = codeLength == null ? "worker_username" : "substr(grid_code, 1, " + codeLength + ")";
        String name = codeLength == null ? "max(worker_name)" : "null";
        return jdbc.query("select " + key + " as k, " + name + ", count(*), count(*) filter (where state = 'DONE'),"
                        + " count(*) filter (where flag is not null), count(*) filter (where state = 'OPEN' and due_date < ?)"
                        + " from duty.task where grid_code like ? and due_date between ? and ? group by k order by k",
                (rs, i) -> new Completion(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                today,
                unitPrefix + "%", from, to);
    }

    public record Overdue(UUID id, String workerUsername, String workerName, String gridCode, String itemCode, LocalDate dueDate,
                          double lon, double lat) {
    }

    /** Tasks of a unit due on {@code date} and still open, by grid and worker, at most {@code limit}. */
    public List<Overdue> openOn(String unitPrefix, LocalDate date, int limit) {
        return jdbc.query("select id, worker_username, worker_name, grid_code, item_code, due_date, lon, lat from duty.task"
                        + " where state = 'OPEN' and due_date = ? and grid_code like ? order by grid_code, worker_username, item_code, id limit ?",
                (rs, i) -> new Overdue(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getDouble(7), rs.getDouble(8)), date, unitPrefix + "%", limit);
    }
}
