package civicgrid.response.domain;

/** A plan that breaks a rule: a stable code, the step at fault (or null) and a human message. */
public class PlanRefused extends RuntimeException {

    private final String code;
    private final String step;

    public PlanRefused(String code, String step, String message) {
        super(message);
        this.code = code;
        this.step = step;
    }

    public String code() {
        return code;
    }

    public String step() {
        return step;
    }
}
