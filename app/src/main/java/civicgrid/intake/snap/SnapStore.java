package civicgrid.intake.snap;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Snap-and-report submissions: for tracking codes and rate limits. */
@Repository
class SnapStore {

    record Submission(UUID caseId, String reporter, String codeHash, boolean joined) {
    }

    private final JdbcTemplate jdbc;

    SnapStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID caseId, String reporter, String deviceId, String account, String codeHash, boolean joined, Instant at) {
        jdbc.update("insert into intake.snap_report (case_id, reporter, device_id, account, code_hash, joined, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", caseId, reporter, deviceId, account, codeHash, joined, Timestamp.from(at));
    }

    List<Submission> ofCase(UUID caseId) {
        return jdbc.query("select case_id, reporter, code_hash, joined from intake.snap_report where case_id = ? order by id",
                (rs, i) -> new Submission(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)), caseId);
    }

    /** A signed-in account's submissions, newest first. */
    List<Submission> ofAccount(String account, int limit) {
        return jdbc.query("select case_id, reporter, code_hash, joined from intake.snap_report where account = ? order by created_at desc, id desc limit ?",
                (rs, i) -> new Submission(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)), account, limit);
    }

    long byDevice(String deviceId, Instant since) {
        Long n = jdbc.queryForObject("select count(*) from intake.snap_report where device_id = ? and created_at >= ?", Long.class,
                deviceId, Timestamp.from(since));
        return n == null ? 0 : n;
    }

    long byAccount(String account, Instant since) {
        Long n = jdbc.queryForObject("select count(*) from intake.snap_report where account = ? and created_at >= ?", Long.class, account,
                Timestamp.from(since));
        return n == null ? 0 : n;
    }
}
