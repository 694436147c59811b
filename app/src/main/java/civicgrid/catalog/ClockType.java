package civicgrid.catalog;

/** The three clocks a time limit can run on (see the catalog README). */
public enum ClockType {
    /** Natural hours, 24 h a day, holidays included (紧急工作时). */
    URGENT_HOURS,
    /** Hours inside working periods of working days (工作时). */
    WORK_HOURS,
    /** Whole working days, ending at the same time of day (工作日). */
    WORK_DAYS
}
