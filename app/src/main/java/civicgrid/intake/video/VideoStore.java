package civicgrid.intake.video;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Cameras, the algorithm → category table, and alerts with their verdicts. */
@Repository
class VideoStore {

    record Camera(String id, String name, double lon, double lat, String gridCode, String owner, Set<String> algorithms, boolean active) {
    }

    record Algorithm(String code, String categoryCode, String nameZh, String nameEn, boolean urgent) {
    }

    record Alert(String alertId, String cameraId, String algorithm, Instant ts, double lon, double lat, double confidence,
                 String snapshotUrl, UUID caseId, String outcome, String routing, Boolean verdict, Instant receivedAt) {
    }

    /** Verdicts of one camera's algorithm: how many alerts, how many judged true and false. */
    record Tally(String cameraId, String algorithm, long alerts, long truePositives, long falsePositives) {
    }

    private final JdbcTemplate jdbc;

    VideoStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Camera> camera(String id) {
        return jdbc.query("select * from intake.camera where id = ?", VideoStore::camera, id).stream().findFirst();
    }

    List<Camera> cameras() {
        return jdbc.query("select * from intake.camera order by id", VideoStore::camera);
    }

    void saveCamera(Camera c, Instant at) {
        jdbc.update("insert into intake.camera (id, name, lon, lat, grid_code, owner, algorithms, active, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set name = excluded.name, lon = excluded.lon,"
                + " lat = excluded.lat, grid_code = excluded.grid_code, owner = excluded.owner, algorithms = excluded.algorithms,"
                + " active = excluded.active, updated_at = excluded.updated_at", c.id(), c.name(), c.lon(), c.lat(), c.gridCode(), c.owner(),
                String.join(",", c.algorithms()), c.active(), Timestamp.from(at));
    }

    boolean insertCameraIfAbsent(Camera c, Instant at) {
        return jdbc.update("insert into intake.camera (id, name, lon, lat, grid_code, owner, algorithms, active, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing", c.id(), c.name(), c.lon(), c.lat(), c.gridCode(),
                c.owner(), String.join(",", c.algorithms()), c.active(), Timestamp.from(at)) == 1;
    }

    Optional<Algorithm> algorithm(String code) {
        return jdbc.query("select * from intake.video_algorithm where code = ?", VideoStore::algorithm, code).stream().findFirst();
    }

    List<Algorithm> algorithms() {
        return jdbc.query("select * from intake.video_algorithm order by code", VideoStore::algorithm);
    }

    Optional<Alert> alert(String alertId) {
        return jdbc.query("select * from intake.video_alert where alert_id = ?", VideoStore::alert, alertId).stream().findFirst();
    }

    /** Claims the alert id: false when another request already recorded it. */
    boolean insert(Alert a) {
        return jdbc.update("insert into intake.video_alert (alert_id, camera_id, algorithm, ts, lon, lat, confidence, snapshot_url, case_id,"
                + " outcome, routing, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (alert_id) do nothing",
                a.alertId(), a.cameraId(), a.algorithm(), Timestamp.from(a.ts()), a.lon(), a.lat(), a.confidence(), a.snapshotUrl(),
                a.caseId(), a.outcome(), a.routing(), Timestamp.from(a.receivedAt())) == 1;
    }

    /** Earlier alerts of the camera and algorithm that made or joined a case, newest first, from {@code since}. */
    List<Alert> recentWithCase(String cameraId, String algorithm, Instant since) {
        return jdbc.query("select * from intake.video_alert where camera_id = ? and algorithm = ? and ts >= ? and case_id is not null"
                + " order by ts desc limit 20", VideoStore::alert, cameraId, algorithm, Timestamp.from(since));
    }

    Tally tally(String cameraId, String algorithm, Instant since) {
        return jdbc.queryForObject("select count(*), count(*) filter (where verdict), count(*) filter (where not verdict)"
                + " from intake.video_alert where camera_id = ? and algorithm = ? and ts >= ?",
                (rs, i) -> new Tally(cameraId, algorithm, rs.getLong(1), rs.getLong(2), rs.getLong(3)), cameraId, algorithm,
                Timestamp.from(since));
    }

    /** One camera's algorithm, week by week from {@code since}. */
    List<java.util.Map<String, Object>> weekly(String cameraId, String algorithm, Instant since) {
        return jdbc.queryForList("select date_trunc('week', ts at time zone 'Asia/Shanghai')::date as week, count(*) as alerts,"
                + " count(*) filter (where verdict) as true_positives, count(*) filter (where not verdict) as false_positives"
                + " from intake.video_alert where camera_id = ? and algorithm = ? and ts >= ? group by 1 order by 1",
                cameraId, algorithm, Timestamp.from(since));
    }

    List<Tally> tallies(Instant since) {
        return jdbc.query("select camera_id, algorithm, count(*), count(*) filter (where verdict), count(*) filter (where not verdict)"
                + " from intake.video_alert where ts >= ? group by camera_id, algorithm order by camera_id, algorithm",
                (rs, i) -> new Tally(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)), Timestamp.from(since));
    }

    boolean judge(String alertId, boolean truePositive, String by, Instant at) {
        return jdbc.update("update intake.video_alert set verdict = ?, verdict_by = ?, verdict_at = ? where alert_id = ?", truePositive, by,
                Timestamp.from(at), alertId) == 1;
    }

    /** A person decided on the case an alert made: its alerts without a verdict take that decision. */
    int judgeCase(UUID caseId, boolean truePositive, String by, Instant at) {
        return jdbc.update("update intake.video_alert set verdict = ?, verdict_by = ?, verdict_at = ? where case_id = ? and verdict is null",
                truePositive, by, Timestamp.from(at), caseId);
    }

    private static Camera camera(ResultSet rs, int i) throws SQLException {
        return new Camera(rs.getString("id"), rs.getString("name"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("grid_code"),
                rs.getString("owner"), Arrays.stream(rs.getString("algorithms").split(",")).filter(s -> !s.isBlank())
                        .collect(Collectors.toCollection(java.util.LinkedHashSet::new)), rs.getBoolean("active"));
    }

    private static Algorithm algorithm(ResultSet rs, int i) throws SQLException {
        return new Algorithm(rs.getString("code"), rs.getString("category_code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getBoolean("urgent"));
    }

    private static Alert alert(ResultSet rs, int i) throws SQLException {
        Boolean verdict = rs.getObject("verdict") == null ? null : rs.getBoolean("verdict");
        return new Alert(rs.getString("alert_id"), rs.getString("camera_id"), rs.getString("algorithm"), rs.getTimestamp("ts").toInstant(),
                rs.getDouble("lon"), rs.getDouble("lat"), rs.getDouble("confidence"), rs.getString("snapshot_url"),
                rs.getObject("case_id", UUID.class), rs.getString("outcome"), rs.getString("routing"), verdict,
                rs.getTimestamp("received_at").toInstant());
    }
}
