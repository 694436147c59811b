package civicgrid.cases;

/** Where a report came from. */
public enum Channel {
    GRID_WORKER, CITIZEN, HOTLINE_12345, VIDEO_AI, IOT_SENSOR, OPEN311, OPERATOR
}
