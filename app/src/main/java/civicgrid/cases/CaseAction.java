package civicgrid.cases;

/** What can be done to a case; each is allowed to some roles in some states (see the domain's CaseRules). */
public enum CaseAction {
    /** A new report (recorded in the history; not an action on an existing case). */
    REPORT,
    VERIFY, INVALIDATE, REGISTER, MERGE, DISPATCH, ACCEPT, RETURN, REPORT_BACK, CHECK_PASS, CHECK_FAIL, CLOSE, EVALUATE,
    REQUEST_POSTPONE, APPROVE_POSTPONE, REJECT_POSTPONE, HANG, UNHANG, SUPERVISE, ESCALATE, WHISTLE, REPORT_IN,
    /** Timers: the yellow and red lights of the current stage. */
    WARN, OVERDUE,
    /** Another report of the same open problem joined the case (recorded by intake, like REPORT). */
    REPORT_JOINED;

    /** Done by a person (or the system on their behalf) on an existing case, not recorded by intake or a timer. */
    public boolean byHand() {
        return this != REPORT && this != WARN && this != OVERDUE && this != REPORT_JOINED;
    }
}
