package civicgrid.evaluation.persistence;

import civicgrid.cases.CaseFacts;
import civicgrid.evaluation.domain.CasePoints;
import civicgrid.evaluation.domain.Contribution;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every case as evaluation last counted it. */
@Repository
public class CaseFactStore {

    private final JdbcTemplate jdbc;

    CaseFactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The counts the case added so far (none for a case not seen yet), its row locked until the
     * transaction ends so that two changes of one case are counted one after the other.
     */
    public List<Contribution> lockContributions(UUID caseId) {
        List<String> text = jdbc.queryForList("select contributions from evaluation.case_fact where case_id = ? for update", String.class,
                caseId);
        if (text.isEmpty() || text.get(0).isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.get(0).split("\n")).map(Contribution::parse).toList();
    }

    /** Creates the case's row if missing (the insert takes the lock a first count needs). */
    public boolean insertIfMissing(CaseFacts f, Instant now) {
        return jdbc.update("insert into evaluation.case_fact (case_id, number, category_code, district_code, grid_code, road_segment_code,"
                        + " lon, lat, reported_at, state, contributions, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)"
                        + " on conflict (case_id) do nothing", f.id().value(), f.number(), f.categoryCode(), f.districtCode(), f.gridCode(),
                f.roadSegmentCode(), f.lon(), f.lat(), Timestamp.from(f.reportedAt()), f.state().name(), Timestamp.from(now)) == 1;
    }

    public void save(CaseFacts f, List<Contribution> contributions, Instant now) {
        jdbc.update("update evaluation.case_fact set state = ?, category_code = ?, reported_at = ?, contributions = ?, updated_at = ?"
                        + " where case_id = ?", f.state().name(), f.categoryCode(), Timestamp.from(f.reportedAt()), contributions.stream().map(Contribution::line).collect(Collectors.joining("\n")),
                Timestamp.from(now), f.id().value());
    }

    /**
     * The district's cases reported in [from, to) that are real problems (not invalid, not merged),
     * as class discovery sees them, ordered by report time and case id. The order is made in Java:
     * in the database it costs an index scan in time order, a random read of the table (2 s of a 3 s
     * discovery at 495,000 cases), where a plain scan reads it in order of storage.
     */
    public CasePoints points(String district, Instant from, Instant to) {
        CasePoints out = new CasePoints();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select case_id, category_code, road_segment_code, lon, lat, reported_at"
                    + " from evaluation.case_fact where district_code = ? and reported_at >= ? and reported_at < ? and state not in ('INVALID', 'MERGED')");
            // binary results from the first run on: ids, coordinates and times as bytes, not text to parse
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            statement.setString(1, district);
            statement.setTimestamp(2, Timestamp.from(from));
            statement.setTimestamp(3, Timestamp.from(to));
            return statement;
        }, (ResultSet rs) -> {
            UUID id = rs.getObject(1, UUID.class);
            Instant reportedAt = rs.getTimestamp(6).toInstant();
            out.add(id.getMostSignificantBits(), id.getLeastSignificantBits(), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                    reportedAt.getEpochSecond(), reportedAt.getNano());
        });
        return out.inReportOrder();
    }

    /** The case numbers of these cases (those evaluation has seen). */
    public java.util.Map<UUID, String> numbers(List<UUID> caseIds) {
        java.util.Map<UUID, String> out = new java.util.HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.query("select case_id, number from evaluation.case_fact where case_id in (" + "?,".repeat(caseIds.size() - 1) + "?)",
                    rs -> {
                        out.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }, caseIds.toArray());
        }
        return out;
    }
}
