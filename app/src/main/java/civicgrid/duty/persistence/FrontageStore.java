package civicgrid.duty.persistence;

import civicgrid.duty.domain.FrontageReach;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The frontage ledger's shops and the problems recorded in front of them. */
@Repository
public class FrontageStore {

    private final JdbcTemplate jdbc;

    FrontageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Frontage-duty shops of the units starting with {@code prefix} inside a lon/lat box. */
    public List<FrontageReach.Shop> shopsIn(String prefix, double minLon, double minLat, double maxLon, double maxLat) {
        return jdbc.query("select id, lon, lat from duty.enterprise where frontage_duty and grid_code like ?"
                        + " and lon between ? and ? and lat between ? and ?",
                (rs, i) -> new FrontageReach.Shop(rs.getLong(1), rs.getDouble(2), rs.getDouble(3)), prefix + "%", minLon, maxLon, minLat,
                maxLat);
    }

    /** Links a case to a shop once; false when it was linked already (a redelivered event). */
    public boolean link(long shopId, UUID caseId, String number, String category, String gridCode, double lon, double lat,
                        double meters, Instant at) {
        return jdbc.update("insert into duty.frontage_record (enterprise_id, case_id, case_number, category_code, grid_code, lon, lat,"
                + " distance_m, found_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (enterprise_id, case_id) do nothing",
                shopId, caseId, number, category, gridCode, lon, lat, meters, Timestamp.from(at)) == 1;
    }

    public record Shop(long id, String gridCode, String name, String address, boolean frontageDuty) {
    }

    public Optional<Shop> shop(long id) {
        return jdbc.query("select id, grid_code, name, address, frontage_duty from duty.enterprise where id = ?",
                (rs, i) -> new Shop(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)), id).stream()
                .findFirst();
    }

    public record Entry(UUID caseId, String number, String categoryCode, double distanceMeters, Instant foundAt) {
    }

    public List<Entry> record(long shopId, int limit) {
        return jdbc.query("select case_id, case_number, category_code, distance_m, found_at from duty.frontage_record"
                        + " where enterprise_id = ? order by found_at desc, id desc limit ?",
                (rs, i) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getTimestamp(5).toInstant()), shopId, limit);
    }

    /** A frontage-duty shop and how many problems were recorded in front of it in a window. */
    public record ShopProblems(long shopId, String name, String gridCode, long problems) {
    }

    /** Every frontage-duty shop of the units starting with {@code prefix}, with its problems found in [from, to). */
    public List<ShopProblems> problemsPerShop(String prefix, Instant from, Instant to) {
        return jdbc.query("select e.id, e.name, e.grid_code, count(r.case_id) from duty.enterprise e left join duty.frontage_record r"
                        + " on r.enterprise_id = e.id and r.found_at >= ? and r.found_at < ? where e.frontage_duty and e.grid_code like ?"
                        + " group by e.id, e.name, e.grid_code order by e.grid_code, e.id",
                (rs, i) -> new ShopProblems(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), Timestamp.from(from),
                Timestamp.from(to), prefix + "%");
    }
}
