package civicgrid.cases;

/** Where a case stands in the loop. */
public enum CaseState {
    /** 信息收集: received, not yet verified on site. */
    REPORTED,
    /** 核实: confirmed on site (a grid worker's own report starts here). */
    VERIFIED,
    /** 立案: accepted as a case, waiting for dispatch. */
    REGISTERED,
    /** 派遣: sent to a handler, not yet accepted. */
    DISPATCHED,
    /** 处置: the handler is working on it. */
    IN_PROGRESS,
    /** 反馈: the handler reported back, waiting for the on-site check. */
    HANDLED,
    /** 核查: the check passed, waiting to be closed. */
    CHECKED,
    /** 结案. */
    CLOSED,
    /** 评价: closed and rated. */
    EVALUATED,
    /** 挂账: a long-term item, its clock stopped. */
    HUNG,
    /** Not a case (nothing found on site, not governable). */
    INVALID,
    /** Merged into another case as a duplicate. */
    MERGED;

    public boolean open() {
        return this != CLOSED && this != EVALUATED && this != INVALID && this != MERGED;
    }
}
