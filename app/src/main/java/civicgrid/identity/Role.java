package civicgrid.identity;

/** Who a user is in the governance system; decides what they may do and see. */
public enum Role {
    CITIZEN("市民", "Citizen", false, false),
    GRID_WORKER("网格员", "Grid worker", true, false),
    COMMUNITY_STAFF("社区工作人员", "Community staff", true, false),
    STREET_OPERATOR("街镇指挥中心", "Street operator", true, false),
    DEPARTMENT_HANDLER("部门处置人员", "Department handler", false, false),
    DISTRICT_OPERATOR("区县城运中心", "District operator", false, false),
    CITY_OPERATOR("市城运中心", "City operator", false, false),
    LEADER("领导", "Leader", false, true),
    ADMINISTRATOR("系统管理员", "Administrator", false, false);

    private final String nameZh;
    private final String nameEn;
    private final boolean seesPersonalData;
    private final boolean readOnly;

    Role(String nameZh, String nameEn, boolean seesPersonalData, boolean readOnly) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.seesPersonalData = seesPersonalData;
        this.readOnly = readOnly;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /**
     * Grid workers, community staff and street operators visit and call residents, so they see
     * phone numbers, ID numbers and addresses; everybody else sees them masked.
     */
    public boolean seesPersonalData() {
        return seesPersonalData;
    }

    /** Leaders watch and evaluate; they change nothing. */
    public boolean readOnly() {
        return readOnly;
    }

    /** May open the command-center console (citizens use the citizen pages only). */
    public boolean usesConsole() {
        return this != CITIZEN;
    }
}
