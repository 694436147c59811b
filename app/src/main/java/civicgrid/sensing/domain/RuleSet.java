package civicgrid.sensing.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules one device runs (its profile's defaults or its own). Shared by every device with the
 * same rules, so two million devices hold a reference each, not a copy. Each rule owns alarm index
 * {@code i}, its follow-up alarm index {@code size + i}; timers are numbered the same way (see
 * {@link RuleEngine}), which bounds a set to {@link #MAX_RULES} rules so that every per-device flag
 * fits in one {@code long}.
 */
public final class RuleSet {

    public static final int MAX_RULES = 16;
    public static final RuleSet NONE = new RuleSet(List.of());

    private final List<Rule> rules;
    private final List<String> rateKeys;

    public RuleSet(List<Rule> rules) {
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("at most " + MAX_RULES + " rules per device");
        }
        Set<String> types = new HashSet<>();
        List<String> rates = new ArrayList<>();
        for (Rule r : rules) {
            if (!types.add(r.alarmType()) || r.followUp() != null && !types.add(r.followUp().alarmType())) {
                throw new IllegalArgumentException("alarm type " + r.alarmType() + " appears twice in one rule set");
            }
            if (r.when() != null) {
                r.when().rateKeys(rates);
            }
        }
        this.rules = List.copyOf(rules);
        this.rateKeys = List.copyOf(rates);
    }

    public static RuleSet of(Rule... rules) {
        return new RuleSet(List.of(rules));
    }

    public List<Rule> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    public Rule rule(int i) {
        return rules.get(i);
    }

    List<String> rateKeys() {
        return rateKeys;
    }

    /** The alarm type of alarm index {@code a} (a rule's own, or its follow-up's). */
    public String alarmType(int a) {
        return a < rules.size() ? rules.get(a).alarmType() : rules.get(a - rules.size()).followUp().alarmType();
    }

    /** The alarm index of a type, or -1. */
    public int alarmIndex(String alarmType) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.alarmType().equals(alarmType)) {
                return i;
            }
            if (r.followUp() != null && r.followUp().alarmType().equals(alarmType)) {
                return rules.size() + i;
            }
        }
        return -1;
    }
}
