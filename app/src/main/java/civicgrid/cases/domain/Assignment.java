package civicgrid.cases.domain;

/**
 * Who must handle a case: a department instance ({@code 500104:SANITATION}, {@code CITY:GAS},
 * {@code 500104001:STREET_SERVICE}, {@code 500104001001:COMMUNITY}) of a department of some level.
 */
public record Assignment(String departmentInstance, String departmentCode, String departmentLevel) {

    /** The instance as a value: its unit and department code. */
    public DepartmentInstance instance() {
        return DepartmentInstance.parse(departmentInstance);
    }

    /** The unit the instance belongs to (district, street or community code; "CITY" for utilities). */
    public String unit() {
        return instance().unit();
    }
}
