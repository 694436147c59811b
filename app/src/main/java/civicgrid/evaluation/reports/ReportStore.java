package civicgrid.evaluation.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reports kept in PostgreSQL with their bytes (a PDF of tens of KB with its font subset, a workbook
 * of a few KB): every node of a cluster serves them, and they are backed up with the rest. One row
 * per kind, unit and period.
 */
@Repository
public class ReportStore {

    private final JdbcTemplate jdbc;

    ReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A kept report without its bytes. */
    public record Info(UUID id, ReportKind kind, String unitCode, String period, Instant generatedAt, String generatedBy, int pdfBytes,
                int xlsxBytes) {
    }

    private static final String INFO = "select id, kind, unit_code, period, generated_at, generated_by, length(pdf), length(xlsx)"
            + " from evaluation.report ";

    /**
     * Keeps a report. A scheduled one ({@code replace} false) is kept only if none exists for its kind,
     * unit and period, so a second node or run never makes a second; one made on demand replaces it.
     */
    Optional<Info> keep(ReportKind kind, String unit, String period, Instant at, String by, byte[] pdf, byte[] xlsx, boolean replace) {
        String conflict = replace ? " do update set id = excluded.id, generated_at = excluded.generated_at, generated_by = excluded.generated_by,"
                + " pdf = excluded.pdf, xlsx = excluded.xlsx" : " do nothing";
        UUID id = UUID.randomUUID();
        int n = jdbc.update("insert into evaluation.report (id, kind, unit_code, period, generated_at, generated_by, pdf, xlsx)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (kind, unit_code, period)" + conflict, id, kind.name(), unit, period,
                Timestamp.from(at), by, pdf, xlsx);
        return n == 1 ? find(id) : Optional.empty();
    }

    Optional<Info> find(UUID id) {
        return jdbc.query(INFO + "where id = ?", (rs, i) -> info(rs), id).stream().findFirst();
    }

    /** The units of these that already have the report of this kind and period. */
    Set<String> unitsWith(ReportKind kind, String period) {
        return Set.copyOf(jdbc.queryForList("select unit_code from evaluation.report where kind = ? and period = ?", String.class, kind.name(),
                period));
    }

    /** The reports of a unit and the units inside it, newest first. */
    List<Info> list(String unit, int limit) {
        return jdbc.query(INFO + "where unit_code >= ? and unit_code < ? order by generated_at desc, unit_code limit ?", (rs, i) -> info(rs),
                unit.equals("500000") ? "" : unit, unit.equals("500000") ? "~" : unit + ":", limit);
    }

    Optional<byte[]> content(UUID id, boolean pdf) {
        return jdbc.query("select " + (pdf ? "pdf" : "xlsx") + " from evaluation.report where id = ?", (rs, i) -> rs.getBytes(1), id).stream()
                .findFirst();
    }

    private static Info info(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Info(rs.getObject(1, UUID.class), ReportKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getInt(7), rs.getInt(8));
    }
}
