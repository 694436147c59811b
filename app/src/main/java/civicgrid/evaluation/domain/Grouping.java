package civicgrid.evaluation.domain;

import java.util.List;
import java.util.Locale;

/** What a scorecard lists (the {@code by} of the API): persons in their three roles, departments, or units of a level. */
public enum Grouping {
    PERSON(SubjectKind.COLLECTOR, SubjectKind.DISPATCHER, SubjectKind.HANDLER),
    DEPARTMENT(SubjectKind.DEPARTMENT),
    GRID(SubjectKind.GRID),
    COMMUNITY(SubjectKind.COMMUNITY),
    STREET(SubjectKind.STREET),
    DISTRICT(SubjectKind.DISTRICT),
    /** Road segments (one assessment, three uses: the segment's chief). */
    SEGMENT(SubjectKind.SEGMENT),
    /** Trades: a department's instances together. */
    TRADE(SubjectKind.TRADE);

    private final List<SubjectKind> kinds;

    Grouping(SubjectKind... kinds) {
        this.kinds = List.of(kinds);
    }

    public List<SubjectKind> kinds() {
        return kinds;
    }

    /** {@code person}, {@code department}, ... (any case); unknown words are refused. */
    public static Grouping parse(String by) {
        if (by == null) {
            throw new IllegalArgumentException("by is required: one of person, department, grid, community, street, district, segment, trade.");
        }
        try {
            return valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("by must be one of person, department, grid, community, street, district, segment, trade.");
        }
    }
}
