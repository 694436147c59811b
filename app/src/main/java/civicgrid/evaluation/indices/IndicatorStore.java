package civicgrid.evaluation.indices;

import civicgrid.evaluation.domain.IndicatorNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The versions of the indicator tree, the imported values, and the cases behind a unit's case figure. */
@Repository
public class IndicatorStore {

    private final JdbcTemplate jdbc;

    IndicatorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A version of the tree. */
    public record Version(int version, LocalDate validFrom, String note, String createdBy, Instant createdAt) {
    }

    /** The version valid on a day: the latest valid from that day or before. */
    public Version inForceOn(LocalDate day) {
        return jdbc.query("select version, valid_from, note, created_by, created_at from evaluation.indicator_tree where valid_from <= ?"
                + " order by valid_from desc limit 1", (rs, i) -> version(rs), Date.valueOf(day)).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No indicator tree is valid on " + day));
    }

    public List<Version> versions() {
        return jdbc.query("select version, valid_from, note, created_by, created_at from evaluation.indicator_tree order by version",
                (rs, i) -> version(rs));
    }

    private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Version(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant());
    }

    public List<IndicatorNode> nodes(int version) {
        return jdbc.query("select code, parent_code, name_zh, name_en, weight, direction, normalisation, lo, hi, source, source_ref"
                        + " from evaluation.indicator_node where version = ? order by position",
                (rs, i) -> new IndicatorNode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                        rs.getString(6), rs.getString(7), rs.getDouble(8), rs.getDouble(9), rs.getString(10), rs.getString(11)), version);
    }

    /** The latest version's first day, the versions locked so that two additions are numbered one after the other. */
    public LocalDate lockLatestValidFrom() {
        jdbc.execute("lock table evaluation.indicator_tree in share row exclusive mode");
        return jdbc.queryForObject("select max(valid_from) from evaluation.indicator_tree", Date.class).toLocalDate();
    }

    /** Keeps a checked tree as the next version; answers its number. */
    public int add(LocalDate validFrom, String note, List<IndicatorNode> nodes, String by, Instant at) {
        int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from evaluation.indicator_tree", Integer.class);
        jdbc.update("insert into evaluation.indicator_tree (version, valid_from, note, created_by, created_at) values (?, ?, ?, ?, ?)",
                version, Date.valueOf(validFrom), note, by, Timestamp.from(at));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            IndicatorNode n = nodes.get(i);
            rows.add(new Object[] {version, n.code(), n.parent(), n.nameZh(), n.nameEn(), n.weight(), n.direction(), n.normalisation(),
                n.lo(), n.hi(), n.source(), n.sourceRef(), i + 1});
        }
        jdbc.batchUpdate("insert into evaluation.indicator_node (version, code, parent_code, name_zh, name_en, weight, direction,"
                + " normalisation, lo, hi, source, source_ref, position) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return version;
    }

    /** An imported value and who imported it. */
    public record Imported(double value, String importedBy, Instant importedAt) {
    }

    /** The imported values of a unit's month, by indicator code. */
    public Map<String, Imported> imports(String unit, LocalDate month) {
        Map<String, Imported> out = new HashMap<>();
        jdbc.query("select indicator, value, imported_by, imported_at from evaluation.indicator_import where unit = ? and month = ?",
                rs -> {
                    out.put(rs.getString(1), new Imported(rs.getDouble(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }, unit, Date.valueOf(month));
        return out;
    }

    /** Keeps imported values (a value imported again replaces the earlier one). */
    public void importValues(List<Object[]> indicatorUnitMonthValue, String by, Instant at) {
        List<Object[]> rows = indicatorUnitMonthValue.stream().map(r -> new Object[] {r[0], r[1], Date.valueOf((LocalDate) r[2]), r[3], by,
            Timestamp.from(at)}).toList();
        jdbc.batchUpdate("insert into evaluation.indicator_import (indicator, unit, month, value, imported_by, imported_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (indicator, unit, month) do update set value = excluded.value,"
                + " imported_by = excluded.imported_by, imported_at = excluded.imported_at", rows);
    }

    /** A case behind a figure, with the counts of the figure's measures it adds to the unit's month. */
    public record CaseBehind(UUID caseId, String number, String categoryCode, String gridCode, List<String> measures) {
    }

    /**
     * The cases that add one of these measures to a territorial unit's figures in a month (as their
     * recorded counts say), at most {@code limit}, by case number.
     */
    public List<CaseBehind> casesBehind(String kind, String unit, LocalDate month, List<String> measures, int limit) {
        String district = unit.substring(0, 6);
        String prefix = kind + "|" + unit + "|" + unit + "|" + month.toString().substring(0, 8);
        // one line of the case's recorded counts: kind|unit|unit|day of the month|the measure counted over
        String pattern = "(?n)^" + prefix.replace("|", "\\|") + "[0-9]{2}\\|" + measures.get(0) + "$";
        return jdbc.query("select case_id, number, category_code, grid_code, contributions from evaluation.case_fact"
                        + " where district_code = ? and grid_code like ? and contributions ~ ? order by number limit ?",
                (rs, i) -> {
                    List<String> counted = new ArrayList<>();
                    for (String line : rs.getString(5).split("\n")) {
                        if (line.startsWith(prefix)) {
                            String m = line.substring(line.lastIndexOf('|') + 1);
                            if (measures.contains(m) && !counted.contains(m)) {
                                counted.add(m);
                            }
                        }
                    }
                    return new CaseBehind(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), counted);
                }, district, unit + "%", pattern, limit);
    }
}
