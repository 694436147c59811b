package civicgrid.catalog;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the stages around disposal (catalog README defaults), each on its clock.
 *
 * @param verifyWorkHours verify a citizen or camera report
 * @param verifyUrgentHours the same when urgent, natural hours
 * @param registerWorkHours register after verification
 * @param dispatchWorkHours dispatch after registration
 * @param dispatchUrgentHours the same when urgent, natural hours
 * @param checkWorkHours check the disposal after report-back
 * @param closeWorkHours close after a passed check
 * @param warningFraction share of a limit at which the yellow light comes on
 */
@ConfigurationProperties("civicgrid.catalog.stage-limits")
public record StageLimits(BigDecimal verifyWorkHours, BigDecimal verifyUrgentHours, BigDecimal registerWorkHours,
                          BigDecimal dispatchWorkHours, BigDecimal dispatchUrgentHours, BigDecimal checkWorkHours,
                          BigDecimal closeWorkHours, Double warningFraction) {

    public StageLimits {
        verifyWorkHours = orDefault(verifyWorkHours, "1");
        verifyUrgentHours = orDefault(verifyUrgentHours, "0.25");
        registerWorkHours = orDefault(registerWorkHours, "0.5");
        dispatchWorkHours = orDefault(dispatchWorkHours, "0.5");
        dispatchUrgentHours = orDefault(dispatchUrgentHours, "0.0833333333");
        checkWorkHours = orDefault(checkWorkHours, "1");
        closeWorkHours = orDefault(closeWorkHours, "0.5");
        warningFraction = warningFraction == null ? 0.8 : warningFraction;
        if (!(warningFraction > 0 && warningFraction <= 1)) {
            throw new IllegalArgumentException("civicgrid.catalog.stage-limits.warning-fraction must be in (0, 1], not " + warningFraction);
        }
    }

    private static BigDecimal orDefault(BigDecimal v, String d) {
        return v == null ? new BigDecimal(d) : v;
    }

    public static StageLimits defaults() {
        return new StageLimits(null, null, null, null, null, null, null, null);
    }

    public TimeLimit verify(boolean urgent) {
        return urgent ? new TimeLimit(ClockType.URGENT_HOURS, verifyUrgentHours) : new TimeLimit(ClockType.WORK_HOURS, verifyWorkHours);
    }

    public TimeLimit register() {
        return new TimeLimit(ClockType.WORK_HOURS, registerWorkHours);
    }

    public TimeLimit dispatch(boolean urgent) {
        return urgent ? new TimeLimit(ClockType.URGENT_HOURS, dispatchUrgentHours)
                : new TimeLimit(ClockType.WORK_HOURS, dispatchWorkHours);
    }

    public TimeLimit check() {
        return new TimeLimit(ClockType.WORK_HOURS, checkWorkHours);
    }

    public TimeLimit close() {
        return new TimeLimit(ClockType.WORK_HOURS, closeWorkHours);
    }
}
