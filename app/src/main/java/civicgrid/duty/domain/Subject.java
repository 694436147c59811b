package civicgrid.duty.domain;

import java.time.LocalDate;

/**
 * What a task is about, as the planner needs it: its kind, its key in the register (the grid code
 * for a grid), the day its cadence counts from, and where it is.
 */
public record Subject(SubjectKind kind, String key, LocalDate anchor, double lon, double lat) {
}
