package civicgrid.cases;

/** Which command center owns a case; escalation (上报) moves it one level up. */
public enum HandlingLevel {
    COMMUNITY, STREET, DISTRICT, CITY;

    public HandlingLevel up() {
        return this == CITY ? CITY : values()[ordinal() + 1];
    }
}
