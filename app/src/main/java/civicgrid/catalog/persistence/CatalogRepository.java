package civicgrid.catalog.persistence;

import civicgrid.catalog.Category;
import civicgrid.catalog.ClockType;
import civicgrid.catalog.Department;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Departments, category versions and calendar exceptions in schema {@code catalog}. */
@Repository
public class CatalogRepository {

    private static final String CATEGORY_COLUMNS = "code, version, kind, major_code, major_zh, major_en, name_zh, name_en,"
            + " sector, clock, limit_amount, urgent_limit_hours, department_code, retired";
    private final JdbcTemplate jdbc;

    public CatalogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int departmentCount() {
        Integer n = jdbc.queryForObject("select count(*) from catalog.department", Integer.class);
        return n == null ? 0 : n;
    }

    public void insertDepartment(Department d) {
        jdbc.update("insert into catalog.department (code, name_zh, name_en, level) values (?, ?, ?, ?)", d.code(), d.nameZh(),
                d.nameEn(), d.level());
    }

    public List<Department> departments() {
        return jdbc.query("select code, name_zh, name_en, level from catalog.department order by code",
                (rs, i) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public void insertCategory(Category c, Instant at, String by) {
        jdbc.update("insert into catalog.category_version (" + CATEGORY_COLUMNS + ", created_at, created_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.code(), c.version(), c.kind(), c.majorCode(),
                c.majorZh(), c.majorEn(), c.nameZh(), c.nameEn(), c.sector(), c.clock().name(), c.limit(), c.urgentLimitHours(),
                c.departmentCode(), c.retired(), Timestamp.from(at), by);
    }

    /** Every version of every category (a few hundred rows), for the in-memory catalog. */
    public List<Category> allCategoryVersions() {
        return jdbc.query("select " + CATEGORY_COLUMNS + " from catalog.category_version order by code, version", this::category);
    }

    private Category category(ResultSet rs, int i) throws SQLException {
        return new Category(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), ClockType.valueOf(rs.getString(10)), rs.getBigDecimal(11),
                rs.getBigDecimal(12), rs.getString(13), rs.getBoolean(14));
    }

    public Map<LocalDate, String> calendarDays() {
        return jdbc.query("select day, kind from catalog.calendar_day", (rs, i) -> Map.entry(rs.getDate(1).toLocalDate(),
                rs.getString(2))).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public int calendarDaysIn(int year) {
        Integer n = jdbc.queryForObject("select count(*) from catalog.calendar_day where extract(year from day) = ?",
                Integer.class, year);
        return n == null ? 0 : n;
    }

    public void upsertCalendarDay(LocalDate day, String kind, String note) {
        jdbc.update("insert into catalog.calendar_day (day, kind, note) values (?, ?, ?)"
                + " on conflict (day) do update set kind = excluded.kind, note = excluded.note", Date.valueOf(day), kind, note);
    }

    public int deleteCalendarDay(LocalDate day) {
        return jdbc.update("delete from catalog.calendar_day where day = ?", Date.valueOf(day));
    }
}
