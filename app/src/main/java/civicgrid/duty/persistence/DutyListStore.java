package civicgrid.duty.persistence;

import civicgrid.duty.domain.Cadence;
import civicgrid.duty.domain.DutyCategory;
import civicgrid.duty.domain.DutyItem;
import civicgrid.duty.domain.DutyList;
import civicgrid.duty.domain.SubjectKind;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
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

    /** Publishes a new version; false when that version exists already (somebody published first). */
    public boolean publish(DutyList list, String by) {
        try {
            jdbc.update("insert into duty.duty_list (version, starts_on, published_by) values (?, ?, ?)", list.version(), list.startsOn(), by);
        } catch (DuplicateKeyException e) {
            return false;
        }
        jdbc.batchUpdate("insert into duty.duty_item (version, code, category, title_zh, title_en, subject_kind, every_days, district_code)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", list.items().stream().map(i -> new Object[] {list.version(), i.code(),
                    i.category().name(), i.titleZh(), i.titleEn(), i.subjectKind().name(), i.cadence().everyDays(), i.districtCode()})
                .toList());
        return true;
    }

    private DutyList load(int version, LocalDate startsOn) {
        List<DutyItem> items = jdbc.query("select code, category, title_zh, title_en, subject_kind, every_days, district_code"
                        + " from duty.duty_item where version = ? order by code",
                (rs, i) -> new DutyItem(rs.getString(1), DutyCategory.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        SubjectKind.valueOf(rs.getString(5)), Cadence.everyDays(rs.getInt(6)), rs.getString(7)), version);
        return new DutyList(version, startsOn, items);
    }
}
