package civicgrid.cases;

/** How rates are grouped: one row, or one per district, street, community or department instance. */
public enum RatesGroupBy {
    NONE, DISTRICT, STREET, COMMUNITY, DEPARTMENT
}
