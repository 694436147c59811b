package civicgrid.duty.domain;

/** The "6+1" headings of the city's duty list; the "+1" is the district's own. */
public enum DutyCategory {
    PATROL_AND_VISITS("日常巡查走访"),
    KEY_PLACES("重点场所检查"),
    EMERGENCIES("应急处置协助"),
    SERVING_RESIDENTS("服务群众"),
    PUBLICITY("政策宣传"),
    DISPUTES("矛盾纠纷排查"),
    DISTRICT_PLUS_ONE("区县特色任务");

    private final String nameZh;

    DutyCategory(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
