package civicgrid.evaluation.persistence;

import civicgrid.evaluation.domain.Tier;
import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every closed case's tier, and the split of a unit over a span of days. */
@Repository
public class TierStore {

    private final JdbcTemplate jdbc;

    TierStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(UUID caseId, String category, String grid, Tier.Tiered tiered) {
        jdbc.update("insert into evaluation.case_tier (case_id, category_code, grid_code, closed_on, tier, departments)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (case_id) do update set category_code = excluded.category_code,"
                        + " grid_code = excluded.grid_code, closed_on = excluded.closed_on, tier = excluded.tier, departments = excluded.departments",
                caseId, category, grid, Date.valueOf(tiered.closedOn()), tiered.tier().name(), tiered.departments());
    }

    /** A case no longer closed (reopened cannot happen today, merged can) leaves the split. */
    public void remove(UUID caseId) {
        jdbc.update("delete from evaluation.case_tier where case_id = ?", caseId);
    }

    /** Cases per tier closed in [first, last] inside a unit (its code or a code under it), optionally of categories starting with a prefix. */
    public Map<Tier, Long> split(String unit, LocalDate first, LocalDate last, String categoryPrefix) {
        Map<Tier, Long> out = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            out.put(t, 0L);
        }
        jdbc.query("select tier, count(*) from evaluation.case_tier where grid_code >= ? and grid_code < ? and closed_on between ? and ?"
                        + " and category_code like ? group by tier",
                rs -> {
                    out.put(Tier.valueOf(rs.getString(1)), rs.getLong(2));
                }, UnitRange.of(unit).from(), UnitRange.of(unit).to(), Date.valueOf(first), Date.valueOf(last), (categoryPrefix == null ? "" : categoryPrefix) + "%");
        return out;
    }
}
