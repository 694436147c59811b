package civicgrid.geo;

/** Levels of the territory tree, with the length of their codes (GB/T 2260 and the grid extensions). */
public enum TerritoryLevel {
    CITY(6), DISTRICT(6), STREET(9), COMMUNITY(12), GRID(15), MICRO_GRID(17);

    private final int codeLength;

    TerritoryLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    public TerritoryLevel child() {
        return this == MICRO_GRID ? null : values()[ordinal() + 1];
    }
}
