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

/** The per-day figures of every subject: changed by differences of counts, summed over a period. */
@Repository
public class TallyStore {

    private static final List<Measure> MEASURES = List.of(Measure.values());
    private static final String COLUMNS = MEASURES.stream().map(Measure::column).collect(Collectors.joining(", "));
    private static final String UPSERT = "insert into evaluation.tally (kind, territory, subject, day, " + COLUMNS + ") values (?, ?, ?, ?, "
            + "?, ".repeat(MEASURES.size() - 1) + "?) on conflict (kind, territory, subject, day) do update set "
            + MEASURES.stream().map(m -> m.column() + " = evaluation.tally." + m.column() + " + excluded." + m.column())
            .collect(Collectors.joining(", "));
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
            jdbc.batchUpdate(UPSERT, rows);
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
        List<Object> args = new ArrayList<>(kinds.stream().map(Enum::name).toList());
        args.add(unit);
        args.add(unit + ":");
        args.add(Date.valueOf(period.first()));
        args.add(Date.valueOf(period.last()));
        String sql = "select kind, subject, " + SUMS + " from evaluation.tally where kind in (" + "?,".repeat(kinds.size() - 1) + "?)"
                + " and territory >= ? and territory < ? and day between ? and ? group by kind, subject order by kind, subject";
        return jdbc.query(sql, (rs, i) -> {
            EnumMap<Measure, Long> counts = new EnumMap<>(Measure.class);
            for (int m = 0; m < MEASURES.size(); m++) {
                counts.put(MEASURES.get(m), rs.getLong(3 + m));
            }
            return new Row(SubjectKind.valueOf(rs.getString(1)), rs.getString(2), Tally.of(counts));
        }, args.toArray());
    }
}
