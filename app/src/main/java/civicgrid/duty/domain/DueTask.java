package civicgrid.duty.domain;

import java.time.LocalDate;

/** A task the planner found due: who does what for whom on which day, and where. */
public record DueTask(String workerId, String gridCode, String itemCode, int listVersion, SubjectKind subjectKind, String subjectKey,
                      LocalDate date, double lon, double lat) {

    /** The natural key that makes generating the same day twice harmless. */
    public String naturalKey() {
        return workerId + "|" + itemCode + "|" + subjectKind + "|" + subjectKey + "|" + date;
    }
}
