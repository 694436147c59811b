package civicgrid.response.domain;

/** An incident action that the incident's state does not allow (mapped to 409 with the code). */
public class IncidentRuleViolation extends RuntimeException {

    private final String code;

    public IncidentRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
