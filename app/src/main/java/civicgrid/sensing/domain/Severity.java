package civicgrid.sensing.domain;

/** How bad an alarm is, most severe first (ThingsBoard's scale). */
public enum Severity {
    CRITICAL, MAJOR, MINOR, WARNING, INDETERMINATE
}
