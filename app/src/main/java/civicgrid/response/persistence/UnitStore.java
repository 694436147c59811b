package civicgrid.response.persistence;

import civicgrid.response.domain.UnitMember;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Minimum response units and their members. */
@Repository
public class UnitStore {

    private final JdbcTemplate jdbc;

    UnitStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Unit(String code, UnitMember.UnitClass unitClass, String nameZh, String territoryCode, double lon, double lat,
                       String equipment) {
    }

    public long unitCount() {
        Long n = jdbc.queryForObject("select count(*) from response.unit", Long.class);
        return n == null ? 0 : n;
    }

    public void insertUnit(Unit u) {
        jdbc.update("insert into response.unit (code, unit_class, name_zh, territory_code, lon, lat, equipment) values (?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (code) do nothing", u.code(), u.unitClass().name(), u.nameZh(), u.territoryCode(), u.lon(), u.lat(), u.equipment());
    }

    public void insertMembers(List<UnitMember> members) {
        jdbc.batchUpdate("insert into response.member (id, unit_code, name_zh, lon, lat, duty_from, duty_to, account) values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (id) do nothing", members, 500, (ps, m) -> {
                    ps.setString(1, m.id());
                    ps.setString(2, m.unitCode());
                    ps.setString(3, m.nameZh());
                    ps.setDouble(4, m.lon());
                    ps.setDouble(5, m.lat());
                    ps.setObject(6, m.dutyFrom());
                    ps.setObject(7, m.dutyTo());
                    ps.setString(8, m.account());
                });
    }

    public List<UnitMember> members() {
        return jdbc.query("select m.id, m.unit_code, u.unit_class, m.name_zh, m.lon, m.lat, m.duty_from, m.duty_to, m.account"
                + " from response.member m join response.unit u on u.code = m.unit_code", (rs, n) -> new UnitMember(rs.getString(1),
                rs.getString(2), UnitMember.UnitClass.valueOf(rs.getString(3)), rs.getString(4), rs.getDouble(5), rs.getDouble(6),
                rs.getObject(7, java.time.LocalTime.class), rs.getObject(8, java.time.LocalTime.class), rs.getString(9)));
    }

    public List<Unit> units() {
        return jdbc.query("select code, unit_class, name_zh, territory_code, lon, lat, equipment from response.unit order by code",
                (rs, n) -> new Unit(rs.getString(1), UnitMember.UnitClass.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getString(7)));
    }
}
