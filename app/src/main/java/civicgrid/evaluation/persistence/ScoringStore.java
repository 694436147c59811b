package civicgrid.evaluation.persistence;

import civicgrid.evaluation.domain.Rate;
import civicgrid.evaluation.domain.ScoringScheme;
import civicgrid.evaluation.domain.SubjectKind;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The versioned scoring schemes: weights per kind of subject and rate, and the grade bands. */
@Repository
public class ScoringStore {

    private final JdbcTemplate jdbc;

    ScoringStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The scheme in force on a day: the latest version valid from that day or before. */
    public ScoringScheme inForceOn(LocalDate day) {
        var head = jdbc.queryForList("select version, valid_from, bands from evaluation.scoring_scheme where valid_from <= ?"
                + " order by valid_from desc limit 1", Date.valueOf(day));
        if (head.isEmpty()) {
            throw new IllegalStateException("No scoring scheme is in force on " + day);
        }
        int version = ((Number) head.get(0).get("version")).intValue();
        Map<SubjectKind, Map<Rate, Double>> weights = new EnumMap<>(SubjectKind.class);
        jdbc.query("select kind, rate, weight from evaluation.scoring_weight where version = ?", rs -> {
            weights.computeIfAbsent(SubjectKind.valueOf(rs.getString(1)), k -> new EnumMap<>(Rate.class))
                    .put(Rate.ofKey(rs.getString(2)), rs.getDouble(3));
        }, version);
        List<ScoringScheme.Band> bands = new ArrayList<>();
        for (String band : head.get(0).get("bands").toString().split(",")) {
            String[] p = band.split(":");
            bands.add(new ScoringScheme.Band(p[0].strip(), Double.parseDouble(p[1].strip())));
        }
        return new ScoringScheme(version, ((Date) head.get(0).get("valid_from")).toLocalDate(), weights, bands);
    }
}
