package civicgrid.sensing.persistence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The telemetry history's monthly partitions ({@code sensing.telemetry_YYYYMM}, months in UTC) beside
 * the default partition that takes any row no month holds, so no write ever fails for want of a
 * partition. Each change runs in a transaction holding one advisory lock, so two nodes (or a start
 * and the recurring task) never create or drop the same month at once.
 */
@Repository
public class TelemetryPartitionStore {

    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('sensing.telemetry.partitions'))";
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    TelemetryPartitionStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The monthly partitions that exist, oldest first. */
    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        jdbc.query("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'sensing.telemetry'::regclass"
                + " and c.relname ~ '^telemetry_[0-9]{6}$' order by c.relname", rs -> {
                    String name = rs.getString(1);
                    out.add(YearMonth.of(Integer.parseInt(name.substring(10, 14)), Integer.parseInt(name.substring(14, 16))));
                });
        return out;
    }

    /**
     * Creates the month's partition unless it exists; rows of that month already in the default
     * partition (a device's buffered past, a month the task had not reached) move into it in the same
     * transaction, since PostgreSQL refuses a partition whose rows sit in the default one. True when created.
     */
    public boolean create(YearMonth month) {
        String name = name(month);
        String from = month.atDay(1) + " 00:00:00+00";
        String to = month.plusMonths(1).atDay(1) + " 00:00:00+00";
        return Boolean.TRUE.equals(tx.execute(s -> {
            jdbc.execute(LOCK);
            if (Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, "sensing." + name))) {
                return false;
            }
            jdbc.execute("create table sensing." + name + " (like sensing.telemetry including defaults including constraints)");
            jdbc.update("with moved as (delete from sensing.telemetry_default where ts >= ?::timestamptz and ts < ?::timestamptz returning *)"
                    + " insert into sensing." + name + " select * from moved", from, to);
            jdbc.execute("alter table sensing.telemetry attach partition sensing." + name + " for values from ('" + from + "') to ('" + to
                    + "')");
            return true;
        }));
    }

    /** Drops the month's partition (its rows with it). True when it existed. */
    public boolean drop(YearMonth month) {
        String name = name(month);
        return Boolean.TRUE.equals(tx.execute(s -> {
            jdbc.execute(LOCK);
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, "sensing." + name))) {
                return false;
            }
            jdbc.execute("drop table sensing." + name);
            return true;
        }));
    }

    /** Deletes the default partition's rows older than {@code before} (midnight UTC); answers how many. */
    public int deleteDefaultBefore(LocalDate before) {
        return jdbc.update("delete from sensing.telemetry_default where ts < ?::timestamptz", before + " 00:00:00+00");
    }

    static String name(YearMonth month) {
        return String.format("telemetry_%04d%02d", month.getYear(), month.getMonthValue());
    }
}
