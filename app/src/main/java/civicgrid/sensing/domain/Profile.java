package civicgrid.sensing.domain;

import civicgrid.sensing.domain.Action.OpenCase;
import civicgrid.sensing.domain.Action.RouteTo;
import civicgrid.sensing.domain.Condition.Equals;
import civicgrid.sensing.domain.Condition.RateOfChange;
import civicgrid.sensing.domain.Condition.Threshold;
import java.time.Duration;
import java.util.List;

/**
 * Kinds of device, each with the keys it reports and the rules it runs unless given its own. The
 * defaults are the scenarios of the articles: the lone elderly resident's door, the septic tank's
 * methane with its fan, the wristband's heart rate.
 */
public enum Profile {

    SMOKE(List.of("smoke", "battery"), RuleSet.of(
            Rule.when("SMOKE", Severity.CRITICAL, new Equals("smoke", true))
                    .then(new OpenCase("E1101", true, RouteTo.GRID))
                    .escalateUnlessAcknowledgedWithin(Duration.ofMinutes(5)))),

    DOOR_MAGNET(List.of("open", "battery"), RuleSet.of(
            Rule.absence("DOOR_NOT_OPENED", Severity.MAJOR, "open", true, Duration.ofHours(24))
                    .then(new OpenCase("E1102", true, RouteTo.GRID))
                    .escalateUnlessAcknowledgedWithin(Duration.ofMinutes(30)))),

    METHANE_FAN(List.of("methane", "fan"), RuleSet.of(
            Rule.when("METHANE_HIGH", Severity.MINOR, Threshold.above("methane", 60, 50))
                    .then(new Action.Command("fan_on"))
                    .followUp(new FollowUp(Duration.ofHours(1), "METHANE_PERSISTS", Severity.MAJOR,
                            List.of(new OpenCase("E1103", true, RouteTo.DISTRICT)), Duration.ofMinutes(15))))),

    GEOMAGNETIC_MANHOLE(List.of("displaced", "tilt"), RuleSet.of(
            Rule.when("MANHOLE_DISPLACED", Severity.MAJOR,
                            Condition.any(new Equals("displaced", true), Threshold.above("tilt", 15, 5)))
                    .then(new OpenCase("E1105", true, RouteTo.GRID)))),

    WATER_LEVEL(List.of("level"), RuleSet.of(
            Rule.when("WATER_LEVEL_HIGH", Severity.MAJOR, Threshold.above("level", 50, 40))
                    .forAtLeast(Duration.ofMinutes(10))
                    .then(new OpenCase("E1106", true, RouteTo.GRID)),
            Rule.when("WATER_RISING_FAST", Severity.WARNING,
                    Condition.all(Threshold.above("level", 30, 25), new RateOfChange("level", 2))))),

    WRISTBAND(List.of("hr", "battery"), RuleSet.of(
            Rule.when("HEART_RATE_ABNORMAL", Severity.CRITICAL,
                            Condition.any(Threshold.below("hr", 45, 50), Threshold.above("hr", 150, 130)))
                    .then(new OpenCase("E1104", true, RouteTo.GRID), new Action.Webhook("ambulance-escort"))
                    .escalateUnlessAcknowledgedWithin(Duration.ofMinutes(5)))),

    GENERIC(List.of(), RuleSet.NONE);

    private final List<String> keys;
    private final RuleSet defaults;

    Profile(List<String> keys, RuleSet defaults) {
        this.keys = keys;
        this.defaults = defaults;
    }

    /** The keys such a device reports (others are stored, not evaluated by the defaults). */
    public List<String> keys() {
        return keys;
    }

    public RuleSet defaultRules() {
        return defaults;
    }
}
