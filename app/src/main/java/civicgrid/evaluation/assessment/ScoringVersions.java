package civicgrid.evaluation.assessment;

import civicgrid.evaluation.domain.Rate;
import civicgrid.evaluation.domain.ScoringDraft;
import civicgrid.evaluation.domain.SubjectKind;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The versions of the scoring scheme: listed, added (a new version never changes an old one), and a version's shop penalty. */
@Repository
public class ScoringVersions {

    private final JdbcTemplate jdbc;

    ScoringVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A version as listed, with its weights per kind of subject and rate. */
    public record Version(int version, LocalDate validFrom, String bands, double shopPenalty, String note, String createdBy,
                          Instant createdAt, Map<String, Map<String, Double>> weights) {
    }

    public List<Version> all() {
        Map<Integer, Map<String, Map<String, Double>>> weights = new java.util.HashMap<>();
        jdbc.query("select version, kind, rate, weight from evaluation.scoring_weight order by version, kind, rate", rs -> {
            weights.computeIfAbsent(rs.getInt(1), v -> new java.util.TreeMap<>()).computeIfAbsent(rs.getString(2), k -> new java.util.TreeMap<>())
                    .put(rs.getString(3), rs.getDouble(4));
        });
        return jdbc.query("select version, valid_from, bands, shop_penalty, note, created_by, created_at from evaluation.scoring_scheme"
                + " order by version", (rs, i) -> new Version(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getDouble(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), weights.getOrDefault(rs.getInt(1), Map.of())));
    }

    /** The shop penalty of the version in force on a day. */
    public double shopPenaltyOn(LocalDate day) {
        List<Double> p = jdbc.queryForList("select shop_penalty from evaluation.scoring_scheme where valid_from <= ?"
                + " order by valid_from desc limit 1", Double.class, Date.valueOf(day));
        return p.isEmpty() ? 0 : p.get(0);
    }

    /** The latest version's first day, locking the versions so that two additions are numbered one after the other. */
    public LocalDate lockLatestValidFrom() {
        jdbc.execute("lock table evaluation.scoring_scheme in share row exclusive mode");
        return jdbc.queryForObject("select max(valid_from) from evaluation.scoring_scheme", Date.class).toLocalDate();
    }

    /** Keeps a checked draft as the next version; answers its number. */
    public int add(ScoringDraft draft, Map<SubjectKind, Map<Rate, Double>> weights, String by, Instant at) {
        int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from evaluation.scoring_scheme", Integer.class);
        jdbc.update("insert into evaluation.scoring_scheme (version, valid_from, bands, note, shop_penalty, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", version, Date.valueOf(draft.validFrom()), draft.bandsText(), draft.note(),
                draft.shopPenalty(), by, Timestamp.from(at));
        List<Object[]> rows = new ArrayList<>();
        weights.forEach((kind, rates) -> rates.forEach((rate, w) -> rows.add(new Object[] {version, kind.name(), rate.key(), w})));
        jdbc.batchUpdate("insert into evaluation.scoring_weight (version, kind, rate, weight) values (?, ?, ?, ?)", rows);
        return version;
    }
}
