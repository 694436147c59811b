package civicgrid.intake.persistence;

import civicgrid.intake.classify.LabelledText;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Operators' corrections of suggested categories. */
@Repository
public class FeedbackStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FeedbackStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void add(String text, String category, String by) {
        jdbc.update("insert into intake.classification_feedback (text, category, corrected_by, at) values (?, ?, ?, ?)", text, category,
                by, Timestamp.from(clock.instant()));
    }

    public List<LabelledText> all() {
        return jdbc.query("select category, text from intake.classification_feedback order by id",
                (rs, i) -> new LabelledText(rs.getString(1), rs.getString(2)));
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from intake.classification_feedback", Long.class);
        return n == null ? 0 : n;
    }
}
