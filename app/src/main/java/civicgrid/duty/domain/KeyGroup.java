package civicgrid.duty.domain;

/** The key groups of the people register ("one old, one young" and others the grid looks after). */
public enum KeyGroup {
    LONE_ELDERLY("独居老人"),
    LEFT_BEHIND_CHILD("留守儿童"),
    DISABLED("残疾人"),
    KEY_PERSON("重点人员");

    private final String nameZh;

    KeyGroup(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
