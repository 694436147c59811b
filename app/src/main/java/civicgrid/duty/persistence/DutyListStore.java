package civicgrid.duty.persistence;

import civicgrid.duty.domain.Cadence;
import civicgrid.duty.domain.DutyCategory;
import civicgrid.duty.domain.DutyItem;
import civicgrid.duty.domain.DutyList;
import civicgrid.duty.domain.SubjectKind;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The published versions of the duty list; the newest one plans the days. */
@Repository
public class DutyListStore {

    private final JdbcTemplate jdbc;

    DutyListStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DutyList current() {
        return jdbc.query("select version, starts_on from duty.duty_list order by version desc limit 1",
                (rs, i) -> load(rs.getInt(1), rs.getObject(2, LocalDate.class))).get(0);
    }

    private DutyList load(int version, LocalDate startsOn) {
        List<DutyItem> items = jdbc.query("select code, category, title_zh, title_en, subject_kind, every_days, district_code"
                        + " from duty.duty_item where version = ? order by code",
                (rs, i) -> new DutyItem(rs.getString(1), DutyCategory.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        SubjectKind.valueOf(rs.getString(5)), Cadence.everyDays(rs.getInt(6)), rs.getString(7)), version);
        return new DutyList(version, startsOn, items);
    }
}
