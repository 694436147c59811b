package civicgrid.cases.domain;

/** A refused action, with the kind of refusal and a stable code. */
public final class CaseRuleViolation extends RuntimeException {

    public enum Kind { FORBIDDEN, CONFLICT, INVALID }

    private final Kind kind;
    private final String code;

    public CaseRuleViolation(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
