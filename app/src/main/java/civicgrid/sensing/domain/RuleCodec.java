package civicgrid.sensing.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules as the data an administrator reads and writes (plain maps and lists, as any JSON library
 * gives them): {@link #write} turns a rule set into that form and {@link #read} turns it back,
 * refusing anything it cannot run with a {@link Invalid} that names the field (e.g.
 * {@code rules[0].condition.parts[1].raise}). Durations are whole minutes.
 *
 * <pre>
 * {"alarmType": "METHANE_HIGH", "severity": "MINOR",
 *  "condition": {"type": "threshold", "key": "methane", "direction": "above", "raise": 60, "clear": 50},
 *  "forMinutes": 10,                                   // optional: the condition must hold this long
 *  "absence": {"key": "open", "value": true, "minutes": 1440},   // instead of a condition
 *  "activeHours": {"from": "22:00", "to": "06:00"},    // optional
 *  "actions": [{"type": "command", "command": "fan_on"},
 *              {"type": "openCase", "category": "E1103", "urgent": true, "routeTo": "DISTRICT"},
 *              {"type": "webhook", "target": "ambulance-escort"}],
 *  "followUp": {"afterMinutes": 60, "alarmType": "METHANE_PERSISTS", "severity": "MAJOR", "actions": [], "ackWithinMinutes": 15},
 *  "ackWithinMinutes": 5}
 * </pre>
 * Conditions: {@code threshold}, {@code equals} ({@code key}, {@code value}), {@code rate}
 * ({@code key}, {@code perMinute}), {@code all} / {@code any} ({@code parts}).
 */
public final class RuleCodec {

    /** A rule set that cannot be run; {@link #field()} is where it went wrong. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static final Pattern ALARM_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,59}");
    private static final Pattern COMMAND = Pattern.compile("[a-z][a-z0-9_]{0,59}");
    private static final Pattern TARGET = Pattern.compile("[a-z][a-z0-9-]{0,59}");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9]{1,19}");
    private static final int MAX_DEPTH = 4;
    private static final int MAX_PARTS = 8;
    private static final int MAX_ACTIONS = 5;
    private static final long MAX_MINUTES = 30L * 24 * 60;

    private static final Set<String> RULE_FIELDS = Set.of("alarmType", "severity", "condition", "forMinutes", "absence", "activeHours",
            "actions", "followUp", "ackWithinMinutes");

    private RuleCodec() {
    }

    // ---- writing

    public static List<Map<String, Object>> write(RuleSet rules) {
        return rules.rules().stream().map(RuleCodec::write).toList();
    }

    static Map<String, Object> write(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alarmType", r.alarmType());
        m.put("severity", r.severity().name());
        if (r.isAbsence()) {
            m.put("absence", ordered("key", r.absentKey(), "value", r.absentValue(), "minutes", r.absentFor().toMinutes()));
        } else {
            m.put("condition", write(r.when()));
        }
        if (r.forAtLeast() != null) {
            m.put("forMinutes", r.forAtLeast().toMinutes());
        }
        if (!r.activeHours().equals(ActiveHours.ALWAYS)) {
            m.put("activeHours", ordered("from", r.activeHours().from().toString(), "to", r.activeHours().to().toString()));
        }
        m.put("actions", r.actions().stream().map(RuleCodec::write).toList());
        if (r.followUp() != null) {
            FollowUp f = r.followUp();
            Map<String, Object> fm = ordered("afterMinutes", f.after().toMinutes(), "alarmType", f.alarmType(), "severity", f.severity().name(),
                    "actions", f.actions().stream().map(RuleCodec::write).toList());
            if (f.ackWithin() != null) {
                fm.put("ackWithinMinutes", f.ackWithin().toMinutes());
            }
            m.put("followUp", fm);
        }
        if (r.ackWithin() != null) {
            m.put("ackWithinMinutes", r.ackWithin().toMinutes());
        }
        return m;
    }

    static Map<String, Object> write(Condition c) {
        if (c instanceof Condition.Threshold t) {
            return ordered("type", "threshold", "key", t.key(), "direction", t.above() ? "above" : "below", "raise", t.raise(), "clear", t.clear());
        }
        if (c instanceof Condition.Equals e) {
            return ordered("type", "equals", "key", e.key(), "value", e.value());
        }
        if (c instanceof Condition.RateOfChange r) {
            return ordered("type", "rate", "key", r.key(), "perMinute", r.perMinute());
        }
        List<Condition> parts = c instanceof Condition.All a ? a.parts() : ((Condition.Any) c).parts();
        return ordered("type", c instanceof Condition.All ? "all" : "any", "parts", parts.stream().map(RuleCodec::write).toList());
    }

    static Map<String, Object> write(Action a) {
        if (a instanceof Action.Command c) {
            return ordered("type", "command", "command", c.command());
        }
        if (a instanceof Action.OpenCase o) {
            return ordered("type", "openCase", "category", o.categoryCode(), "urgent", o.urgent(), "routeTo", o.routeTo().name());
        }
        return ordered("type", "webhook", "target", ((Action.Webhook) a).target());
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // ---- reading

    /**
     * Reads a list of rules for a device of {@code profile}: keys must be ones the profile reports
     * (any well-formed key for {@link Profile#GENERIC}).
     */
    public static RuleSet read(Object rules, Profile profile) {
        List<?> list = list(rules, "rules");
        if (list.size() > RuleSet.MAX_RULES) {
            throw new Invalid("rules", "at most " + RuleSet.MAX_RULES + " rules per device");
        }
        List<Rule> out = new ArrayList<>();
        Map<String, String> typeField = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "rules[" + i + "]";
            Rule r = rule(map(list.get(i), at), at, profile);
            claim(typeField, r.alarmType(), at + ".alarmType");
            out.add(r);
        }
        // follow-ups come after the rules so a follow-up naming a rule's type reads as the loop it is
        for (int i = 0; i < out.size(); i++) {
            FollowUp f = out.get(i).followUp();
            if (f != null) {
                String at = "rules[" + i + "].followUp.alarmType";
                String taken = typeField.get(f.alarmType());
                if (taken != null) {
                    throw new Invalid(at, "the follow-up's alarm " + f.alarmType() + " is the alarm of " + taken.replace(".alarmType", "")
                            + ": a chain may not lead back into a rule (a cycle)");
                }
                claim(typeField, f.alarmType(), at);
            }
        }
        try {
            return new RuleSet(out);
        } catch (IllegalArgumentException e) {
            throw new Invalid("rules", e.getMessage());
        }
    }

    private static void claim(Map<String, String> typeField, String type, String at) {
        String before = typeField.putIfAbsent(type, at);
        if (before != null) {
            throw new Invalid(at, "alarm type " + type + " is used already by " + before + " (one alarm per device and type)");
        }
    }

    private static Rule rule(Map<?, ?> m, String at, Profile profile) {
        known(m, RULE_FIELDS, at);
        String type = alarmType(m.get("alarmType"), at + ".alarmType");
        Severity severity = severity(m.get("severity"), at + ".severity");
        Object cond = m.get("condition");
        Object absence = m.get("absence");
        if ((cond == null) == (absence == null)) {
            throw new Invalid(at, "a rule watches either a condition or an absence (exactly one of them)");
        }
        Rule r;
        if (cond != null) {
            r = Rule.when(type, severity, condition(cond, at + ".condition", profile, 1));
        } else {
            String a = at + ".absence";
            Map<?, ?> am = map(absence, a);
            known(am, Set.of("key", "value", "minutes"), a);
            String key = key(am.get("key"), a + ".key", profile);
            r = Rule.absence(type, severity, key, value(am.get("value"), a + ".value"), minutes(am.get("minutes"), a + ".minutes"));
        }
        if (m.get("forMinutes") != null) {
            if (cond == null) {
                throw new Invalid(at + ".forMinutes", "a duration belongs to a condition, not to an absence");
            }
            r = r.forAtLeast(minutes(m.get("forMinutes"), at + ".forMinutes"));
        }
        if (m.get("activeHours") != null) {
            r = r.during(hours(m.get("activeHours"), at + ".activeHours"));
        }
        r = r.then(actions(m.get("actions"), at + ".actions").toArray(Action[]::new));
        if (m.get("followUp") != null) {
            if (cond == null) {
                throw new Invalid(at + ".followUp", "a follow-up chains on a condition, not on an absence");
            }
            r = r.followUp(followUp(m.get("followUp"), at + ".followUp"));
        }
        if (m.get("ackWithinMinutes") != null) {
            r = r.escalateUnlessAcknowledgedWithin(minutes(m.get("ackWithinMinutes"), at + ".ackWithinMinutes"));
        }
        return r;
    }

    private static FollowUp followUp(Object o, String at) {
        Map<?, ?> m = map(o, at);
        known(m, Set.of("afterMinutes", "alarmType", "severity", "actions", "ackWithinMinutes"), at);
        Duration ack = m.get("ackWithinMinutes") == null ? null : minutes(m.get("ackWithinMinutes"), at + ".ackWithinMinutes");
        return new FollowUp(minutes(m.get("afterMinutes"), at + ".afterMinutes"), alarmType(m.get("alarmType"), at + ".alarmType"),
                severity(m.get("severity"), at + ".severity"), actions(m.get("actions"), at + ".actions"), ack);
    }

    private static Condition condition(Object o, String at, Profile profile, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Invalid(at, "conditions nest at most " + MAX_DEPTH + " deep");
        }
        Map<?, ?> m = map(o, at);
        String type = string(m.get("type"), at + ".type");
        switch (type) {
            case "threshold" -> {
                known(m, Set.of("type", "key", "direction", "raise", "clear"), at);
                String key = key(m.get("key"), at + ".key", profile);
                String direction = string(m.get("direction"), at + ".direction");
                if (!direction.equals("above") && !direction.equals("below")) {
                    throw new Invalid(at + ".direction", "above or below, not " + direction);
                }
                boolean above = direction.equals("above");
                double raise = number(m.get("raise"), at + ".raise");
                double clear = m.get("clear") == null ? raise : number(m.get("clear"), at + ".clear");
                if (above ? clear > raise : clear < raise) {
                    throw new Invalid(at + ".clear", "the clear level must lie on the safe side of the raise level ("
                            + (above ? "at most " : "at least ") + raise + ")");
                }
                return new Condition.Threshold(key, above, raise, clear);
            }
            case "equals" -> {
                known(m, Set.of("type", "key", "value"), at);
                return new Condition.Equals(key(m.get("key"), at + ".key", profile), value(m.get("value"), at + ".value"));
            }
            case "rate" -> {
                known(m, Set.of("type", "key", "perMinute"), at);
                String key = key(m.get("key"), at + ".key", profile);
                double per = number(m.get("perMinute"), at + ".perMinute");
                if (!(per > 0)) {
                    throw new Invalid(at + ".perMinute", "a rate of change needs a positive limit per minute");
                }
                return new Condition.RateOfChange(key, per);
            }
            case "all", "any" -> {
                known(m, Set.of("type", "parts"), at);
                List<?> parts = list(m.get("parts"), at + ".parts");
                if (parts.isEmpty() || parts.size() > MAX_PARTS) {
                    throw new Invalid(at + ".parts", "1 to " + MAX_PARTS + " parts");
                }
                List<Condition> cs = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    cs.add(condition(parts.get(i), at + ".parts[" + i + "]", profile, depth + 1));
                }
                return type.equals("all") ? new Condition.All(cs) : new Condition.Any(cs);
            }
            default -> throw new Invalid(at + ".type", "one of threshold, equals, rate, all, any; not " + type);
        }
    }

    private static List<Action> actions(Object o, String at) {
        if (o == null) {
            return List.of();
        }
        List<?> list = list(o, at);
        if (list.size() > MAX_ACTIONS) {
            throw new Invalid(at, "at most " + MAX_ACTIONS + " actions");
        }
        List<Action> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String a = at + "[" + i + "]";
            Map<?, ?> m = map(list.get(i), a);
            String type = string(m.get("type"), a + ".type");
            switch (type) {
                case "command" -> {
                    known(m, Set.of("type", "command"), a);
                    out.add(new Action.Command(matching(m.get("command"), COMMAND, a + ".command", "a command like fan_on")));
                }
                case "openCase" -> {
                    known(m, Set.of("type", "category", "urgent", "routeTo"), a);
                    String category = matching(m.get("category"), CATEGORY, a + ".category", "a catalog category code like E1103");
                    Object urgent = m.get("urgent");
                    if (urgent != null && !(urgent instanceof Boolean)) {
                        throw new Invalid(a + ".urgent", "true or false");
                    }
                    String route = m.get("routeTo") == null ? "GRID" : string(m.get("routeTo"), a + ".routeTo");
                    Action.RouteTo routeTo;
                    try {
                        routeTo = Action.RouteTo.valueOf(route);
                    } catch (IllegalArgumentException e) {
                        throw new Invalid(a + ".routeTo", "GRID or DISTRICT, not " + route);
                    }
                    out.add(new Action.OpenCase(category, !Boolean.FALSE.equals(urgent), routeTo));
                }
                case "webhook" -> {
                    known(m, Set.of("type", "target"), a);
                    out.add(new Action.Webhook(matching(m.get("target"), TARGET, a + ".target", "a configured target like ambulance-escort")));
                }
                default -> throw new Invalid(a + ".type", "one of command, openCase, webhook; not " + type);
            }
        }
        return out;
    }

    private static ActiveHours hours(Object o, String at) {
        Map<?, ?> m = map(o, at);
        known(m, Set.of("from", "to"), at);
        return new ActiveHours(time(m.get("from"), at + ".from"), time(m.get("to"), at + ".to"), ActiveHours.CHONGQING);
    }

    private static LocalTime time(Object o, String at) {
        try {
            return LocalTime.parse(string(o, at));
        } catch (DateTimeParseException e) {
            throw new Invalid(at, "a time of day like 22:00");
        }
    }

    // ---- values

    private static void known(Map<?, ?> m, Set<String> fields, String at) {
        for (Object k : m.keySet()) {
            if (!fields.contains(String.valueOf(k))) {
                throw new Invalid(at + "." + k, "unknown field (known: " + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Map<?, ?> map(Object o, String at) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new Invalid(at, "an object is needed");
    }

    private static List<?> list(Object o, String at) {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new Invalid(at, "a list is needed");
    }

    private static String string(Object o, String at) {
        if (o instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        throw new Invalid(at, o == null ? "missing" : "a text is needed");
    }

    private static String matching(Object o, Pattern p, String at, String what) {
        String s = string(o, at);
        if (!p.matcher(s).matches()) {
            throw new Invalid(at, what + " is needed, not " + s);
        }
        return s;
    }

    private static String alarmType(Object o, String at) {
        return matching(o, ALARM_TYPE, at, "an alarm type in capitals like DOOR_NOT_OPENED (2 to 40 characters)");
    }

    private static Severity severity(Object o, String at) {
        String s = string(o, at);
        try {
            return Severity.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid(at, "one of " + List.of(Severity.values()) + ", not " + s);
        }
    }

    private static String key(Object o, String at, Profile profile) {
        String key = matching(o, KEY, at, "a telemetry key");
        if (profile != Profile.GENERIC && !profile.keys().contains(key)) {
            throw new Invalid(at, "unknown key " + key + " for a " + profile + " device (it reports " + profile.keys() + ")");
        }
        return key;
    }

    private static double number(Object o, String at) {
        if (o instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new Invalid(at, o == null ? "missing" : "a number is needed");
    }

    private static Object value(Object o, String at) {
        if (o instanceof Boolean || o instanceof Number n && Double.isFinite(n.doubleValue())) {
            return o;
        }
        if (o instanceof String s && !s.isBlank() && s.length() <= 200) {
            return s;
        }
        throw new Invalid(at, o == null ? "missing" : "a boolean, a number or a short text is needed");
    }

    private static Duration minutes(Object o, String at) {
        if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 1 && n.doubleValue() <= MAX_MINUTES) {
            return Duration.ofMinutes(n.longValue());
        }
        throw new Invalid(at, o == null ? "missing" : "whole minutes from 1 to " + MAX_MINUTES + " are needed");
    }
}
