package civicgrid.cases;

/** The work queues of the desk. */
public enum CaseQueue {
    /** What waits for me, by my role. */
    MINE,
    /** Every open case of my territory. */
    TEAM,
    /** Open and overdue in my territory. */
    OVERDUE,
    /** Open and urgent in my territory. */
    URGENT,
    /** Everything in my territory, closed included. */
    ALL,
    /** Open on my road segments (a road-segment chief's), wherever their territory. */
    SEGMENT
}
