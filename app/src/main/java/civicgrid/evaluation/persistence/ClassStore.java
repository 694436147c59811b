package civicgrid.evaluation.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Classes of problems and their cases. */
@Repository
public class ClassStore {

    private final JdbcTemplate jdbc;

    ClassStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored class. */
    public record Row(UUID id, String districtCode, String categoryGroup, String categoryCode, String state, Instant windowFrom,
                      Instant windowTo, int hotspots, Instant proposedAt, String decidedBy, Instant decidedAt, UUID projectCaseId,
                      List<UUID> caseIds) {
    }

    private static final String COLUMNS = "id, district_code, category_group, category_code, state, window_from, window_to, hotspots,"
            + " proposed_at, decided_by, decided_at, project_case_id";

    /** Classes of districts within a unit (a district code, or every district for the city), newest first. */
    public List<Row> ofDistricts(String districtPrefix) {
        return withCases(jdbc.query("select " + COLUMNS + " from evaluation.problem_class where district_code like ? order by proposed_at desc, id",
                ClassStore::map, districtPrefix + "%"));
    }

    /** The class with only its cases whose grid lies inside the unit. */
    public Row narrowedTo(Row r, String unit) {
        Set<UUID> inside = new java.util.HashSet<>(jdbc.queryForList("select c.case_id from evaluation.problem_class_case c"
                + " join evaluation.case_fact f on f.case_id = c.case_id where c.class_id = ? and f.grid_code like ?", UUID.class, r.id(),
                unit + "%"));
        return new Row(r.id(), r.districtCode(), r.categoryGroup(), r.categoryCode(), r.state(), r.windowFrom(), r.windowTo(), r.hotspots(),
                r.proposedAt(), r.decidedBy(), r.decidedAt(), r.projectCaseId(), r.caseIds().stream().filter(inside::contains).toList());
    }

    public Optional<Row> find(UUID id, boolean lock) {
        return withCases(jdbc.query("select " + COLUMNS + " from evaluation.problem_class where id = ?" + (lock ? " for update" : ""),
                ClassStore::map, id)).stream().findFirst();
    }

    /** The cases of the district's accepted or dismissed classes: decided, they are not proposed again. */
    public Set<UUID> decidedCases(String district) {
        return new java.util.HashSet<>(jdbc.queryForList("select c.case_id from evaluation.problem_class_case c join evaluation.problem_class p"
                + " on p.id = c.class_id where p.district_code = ? and p.state <> 'PROPOSED'", UUID.class, district));
    }

    /** The proposed class of a district's category group, locked. */
    public Optional<Row> proposed(String district, String group) {
        return withCases(jdbc.query("select " + COLUMNS + " from evaluation.problem_class where district_code = ? and category_group = ?"
                + " and state = 'PROPOSED' order by proposed_at limit 1 for update", ClassStore::map, district, group)).stream().findFirst();
    }

    public void insert(UUID id, String district, String group, String category, Instant from, Instant to, int hotspots, Instant now) {
        jdbc.update("insert into evaluation.problem_class (id, district_code, category_group, category_code, state, window_from, window_to,"
                        + " hotspots, proposed_at, updated_at) values (?, ?, ?, ?, 'PROPOSED', ?, ?, ?, ?, ?)", id, district, group, category,
                ts(from), ts(to), hotspots, ts(now), ts(now));
    }

    public void update(UUID id, String category, Instant from, Instant to, int hotspots, Instant now) {
        jdbc.update("update evaluation.problem_class set category_code = ?, window_from = ?, window_to = ?, hotspots = ?, updated_at = ?"
                + " where id = ?", category, ts(from), ts(to), hotspots, ts(now), id);
    }

    /** Makes the class's cases these: only the cases that left or joined are written (a rerun over the same cases writes nothing). */
    public void replaceCases(UUID id, List<UUID> caseIds) {
        Set<UUID> kept = new java.util.HashSet<>(jdbc.queryForList("select case_id from evaluation.problem_class_case where class_id = ?",
                UUID.class, id));
        Set<UUID> wanted = new java.util.LinkedHashSet<>(caseIds);
        List<Object[]> left = kept.stream().filter(c -> !wanted.contains(c)).map(c -> new Object[] {id, c}).toList();
        List<Object[]> joined = wanted.stream().filter(c -> !kept.contains(c)).map(c -> new Object[] {id, c}).toList();
        if (!left.isEmpty()) {
            jdbc.batchUpdate("delete from evaluation.problem_class_case where class_id = ? and case_id = ?", left);
        }
        if (!joined.isEmpty()) {
            jdbc.batchUpdate("insert into evaluation.problem_class_case (class_id, case_id) values (?, ?)", joined);
        }
    }

    public void decide(UUID id, String state, String by, Instant at, UUID projectCase) {
        jdbc.update("update evaluation.problem_class set state = ?, decided_by = ?, decided_at = ?, project_case_id = ?, updated_at = ?"
                + " where id = ?", state, by, ts(at), projectCase, ts(at), id);
    }

    private List<Row> withCases(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<UUID>> cases = new java.util.HashMap<>();
        List<Object> ids = new ArrayList<>(rows.stream().map(Row::id).toList());
        jdbc.query("select class_id, case_id from evaluation.problem_class_case where class_id in (" + "?,".repeat(ids.size() - 1) + "?)"
                + " order by class_id, case_id", rs -> {
            cases.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
        }, ids.toArray());
        return rows.stream().map(r -> new Row(r.id(), r.districtCode(), r.categoryGroup(), r.categoryCode(), r.state(), r.windowFrom(),
                r.windowTo(), r.hotspots(), r.proposedAt(), r.decidedBy(), r.decidedAt(), r.projectCaseId(),
                List.copyOf(cases.getOrDefault(r.id(), List.of())))).collect(Collectors.toList());
    }

    private static Row map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp(11);
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getInt(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                decided == null ? null : decided.toInstant(), rs.getObject(12, UUID.class), List.of());
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
