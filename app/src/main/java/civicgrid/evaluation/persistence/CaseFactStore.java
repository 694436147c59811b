package civicgrid.evaluation.persistence;

import civicgrid.cases.CaseFacts;
import civicgrid.evaluation.domain.CasePoint;
import civicgrid.evaluation.domain.Contribution;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
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

    /** The district's cases reported in [from, to) that are real problems (not invalid, not merged), as class discovery sees them. */
    public List<CasePoint> points(String district, Instant from, Instant to) {
        return jdbc.query("select case_id, category_code, grid_code, road_segment_code, lon, lat, reported_at from evaluation.case_fact"
                        + " where district_code = ? and reported_at >= ? and reported_at < ? and state not in ('INVALID', 'MERGED')"
                        + " order by reported_at, case_id",
                (rs, i) -> new CasePoint(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getTimestamp(7).toInstant()),
                district, Timestamp.from(from), Timestamp.from(to));
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
