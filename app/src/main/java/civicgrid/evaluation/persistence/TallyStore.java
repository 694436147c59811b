package civicgrid.evaluation.persistence;

import civicgrid.evaluation.domain.Contribution;
import civicgrid.evaluation.domain.Measure;
import civicgrid.evaluation.domain.Period;
import civicgrid.evaluation.domain.SubjectKind;
import civicgrid.evaluation.domain.Tally;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The figures of every subject, changed by differences of counts and summed over a period. Each
 * difference goes to the subject's row of its day ({@code evaluation.tally}) and of its month
 * ({@code evaluation.tally_month}, where departments and persons are kept per street, not per grid):
 * a period reads its whole months from the monthly rows when the unit asked for is a street or
 * above, and its other days from the daily rows.
 */
@Repository
public class TallyStore {

    private static final List<Measure> MEASURES = List.of(Measure.values());
    private static final String COLUMNS = MEASURES.stream().map(Measure::column).collect(Collectors.joining(", "));
    private static final String UPSERT = "insert into evaluation.tally (kind, territory, subject, day, " + COLUMNS + ") values (?, ?, ?, ?, "
            + "?, ".repeat(MEASURES.size() - 1) + "?) on conflict (kind, territory, subject, day) do update set "
            + MEASURES.stream().map(m -> m.column() + " = evaluation.tally." + m.column() + " + excluded." + m.column())
            .collect(Collectors.joining(", "));
    private static final String UPSERT_MONTH = UPSERT.replace("evaluation.tally", "evaluation.tally_month")
            .replace("subject, day", "subject, month");
    private static final String SUMS = MEASURES.stream().map(m -> "sum(" + m.column() + ")").collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;

    TallyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One subject's row of one day. */
    private record Key(SubjectKind kind, String territory, String subject, LocalDate day) {
    }

    /** Takes away the counts a case no longer adds and adds its new ones. */
    public void apply(List<Contribution> removed, List<Contribution> added) {
        Map<Key, long[]> deltas = new LinkedHashMap<>();
        removed.forEach(c -> delta(deltas, c)[c.measure().ordinal()]--);
        added.forEach(c -> delta(deltas, c)[c.measure().ordinal()]++);
        write(UPSERT, deltas);
        Map<Key, long[]> months = new LinkedHashMap<>();
        deltas.forEach((k, counts) -> {
            long[] sum = months.computeIfAbsent(new Key(k.kind(), monthTerritory(k.kind(), k.territory()), k.subject(),
                    k.day().withDayOfMonth(1)), x -> new long[MEASURES.size()]);
            for (int i = 0; i < counts.length; i++) {
                sum[i] += counts[i];
            }
        });
        write(UPSERT_MONTH, months);
    }

    /** Where a monthly row is kept: a unit at its own code, a department or person at the street of the case's grid. */
    static String monthTerritory(SubjectKind kind, String territory) {
        return kind.territorial() || territory.length() < STREET_CODE ? territory : territory.substring(0, STREET_CODE);
    }

    private static final int STREET_CODE = 9;

    private void write(String upsert, Map<Key, long[]> deltas) {
        List<Object[]> rows = new ArrayList<>();
        deltas.entrySet().stream().filter(e -> Arrays.stream(e.getValue()).anyMatch(n -> n != 0))
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing((Key k) -> k.kind().name())
                        .thenComparing(Key::territory).thenComparing(Key::subject).thenComparing(Key::day)))
                .forEach(e -> {
                    Key k = e.getKey();
                    Object[] row = new Object[4 + MEASURES.size()];
                    row[0] = k.kind().name();
                    row[1] = k.territory();
                    row[2] = k.subject();
                    row[3] = Date.valueOf(k.day());
                    for (int i = 0; i < MEASURES.size(); i++) {
                        row[4 + i] = (int) e.getValue()[i];
                    }
                    rows.add(row);
                });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(upsert, rows);
        }
    }

    private static long[] delta(Map<Key, long[]> deltas, Contribution c) {
        return deltas.computeIfAbsent(new Key(c.kind(), c.territory(), c.subject(), c.day()), k -> new long[MEASURES.size()]);
    }

    /** A subject of some kind with its counts over a period. */
    public record Row(SubjectKind kind, String subject, Tally tally) {
    }

    /**
     * The counts of every subject of these kinds counted inside a unit (its code or a code under it)
     * over a period, by kind and subject.
     */
    public List<Row> sums(List<SubjectKind> kinds, String unit, Period period) {
        String inKinds = "kind in (" + "?,".repeat(kinds.size() - 1) + "?) and territory >= ? and territory < ?";
        List<Object> scope = new ArrayList<>(kinds.stream().map(Enum::name).toList());
        scope.add(unit);
        scope.add(unit + ":");
        List<Object> args = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        // monthly rows hold departments and persons per street: exact for a street or above only
        Period.Split split = unit.length() <= STREET_CODE ? period.split() : new Period.Split(List.of(), List.of(period.first(), period.last()));
        if (!split.months().isEmpty()) {
            parts.add("select kind, subject, " + MEASURE_COLUMNS + " from evaluation.tally_month where " + inKinds
                    + " and month between ? and ?");
            args.addAll(scope);
            args.add(Date.valueOf(split.months().get(0)));
            args.add(Date.valueOf(split.months().get(split.months().size() - 1)));
        }
        for (int i = 0; i < split.dayRanges().size(); i += 2) {
            parts.add("select kind, subject, " + MEASURE_COLUMNS + " from evaluation.tally where " + inKinds + " and day between ? and ?");
            args.addAll(scope);
            args.add(Date.valueOf(split.dayRanges().get(i)));
            args.add(Date.valueOf(split.dayRanges().get(i + 1)));
        }
        String sql = "select kind, subject, " + SUMS + " from (" + String.join(" union all ", parts) + ") r"
                + " group by kind, subject order by kind, subject";
        return jdbc.query(sql, (rs, i) -> {
            EnumMap<Measure, Long> counts = new EnumMap<>(Measure.class);
            for (int m = 0; m < MEASURES.size(); m++) {
                counts.put(MEASURES.get(m), rs.getLong(3 + m));
            }
            return new Row(SubjectKind.valueOf(rs.getString(1)), rs.getString(2), Tally.of(counts));
        }, args.toArray());
    }

    private static final String MEASURE_COLUMNS = COLUMNS;

    /** The monthly rows made again from the daily ones (after figures were loaded or rebuilt in bulk); idempotent. */
    public long rebuildMonths() {
        jdbc.update("delete from evaluation.tally_month");
        jdbc.update(MONTHS_FROM_DAYS);
        return jdbc.queryForObject("select count(*) from evaluation.tally_month", Long.class);
    }

    /** The same statement as the migration that created the monthly rows. */
    private static final String MONTHS_FROM_DAYS = "insert into evaluation.tally_month (kind, territory, subject, month, " + COLUMNS + ")"
            + " select kind, case when kind in ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID') then territory else substring(territory, 1, "
            + STREET_CODE + ") end, subject, date_trunc('month', day)::date, " + SUMS + " from evaluation.tally group by 1, 2, 3, 4";
}
