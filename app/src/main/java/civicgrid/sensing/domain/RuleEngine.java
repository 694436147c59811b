package civicgrid.sensing.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs each device's rules on its readings and on the passing of time, and says what follows as
 * {@link Outcome} values. Plain Java without a clock of its own: readings carry their time and
 * {@link #advance(long)} is told the time, so tests control it fully.
 *
 * <p>Timers per device, numbered for a rule set of {@code n} rules: {@code i} the rule's own
 * deadline (absence: the awaited event is due; duration: the condition has held long enough),
 * {@code n + i} its follow-up check, {@code 2n + a} the escalation of alarm index {@code a}. They
 * live in a {@link DeadlineWheel}, so time passing costs in proportion to what comes due, never to
 * the number of devices.
 *
 * <p>Not thread-safe: one engine is driven by one thread at a time (the caller serialises, or runs
 * one engine per partition of devices).
 */
public final class RuleEngine {

    /** An alarm left unacknowledged is handed one level up at most this often (grid → street → district). */
    public static final int MAX_ESCALATIONS = 3;

    private final DeviceIds ids = new DeviceIds();
    private final List<DeviceState> bySlot = new ArrayList<>();
    private final DeadlineWheel wheel;

    public RuleEngine(Duration resolution) {
        this.wheel = new DeadlineWheel(resolution.toMillis());
    }

    /** A one-second timer resolution. */
    public RuleEngine() {
        this(Duration.ofSeconds(1));
    }

    /**
     * Starts watching a device (or gives it new rules). Absence deadlines run from {@code since}: the
     * last awaited event when known, otherwise the registration or the last contact.
     */
    public void register(String deviceId, RuleSet rules, long since) {
        DeviceState d = find(deviceId);
        if (d == null) {
            d = new DeviceState(ids.add(deviceId), rules);
            bySlot.add(d);
        } else {
            d.use(rules);
            d.filed = 0; // entries still in the wheel find NONE and drop out
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.rule(i);
            if (r.isAbsence()) {
                arm(d, i, since + r.absentFor().toMillis());
            }
        }
    }

    /**
     * Puts back an alarm that was active before a restart, so that it is cleared and escalated as if
     * the engine had never stopped (its follow-up and escalation timers start again from {@code now}).
     */
    public void restoreAlarm(String deviceId, String alarmType, boolean acknowledged, long now) {
        DeviceState d = require(deviceId);
        int a = d.rules.alarmIndex(alarmType);
        if (a < 0) {
            return;
        }
        d.active |= 1 << a;
        if (acknowledged) {
            d.acknowledged |= 1 << a;
        }
        int n = d.rules.size();
        Rule rule = a < n ? d.rules.rule(a) : null;
        if (rule != null && rule.isAbsence()) {
            d.setDue(a, DeviceState.NONE); // already raised; the awaited event clears it
        }
        if (rule != null && rule.followUp() != null && !d.isActive(n + a)) {
            arm(d, n + a, now + rule.followUp().after().toMillis());
            d.metRaise |= 1 << a;
        }
        Duration ack = ackWithin(d.rules, a);
        if (!acknowledged && ack != null) {
            arm(d, 2 * n + a, now + ack.toMillis());
        }
    }

    public boolean knows(String deviceId) {
        return ids.slotOf(deviceId) >= 0;
    }

    public int deviceCount() {
        return ids.size();
    }

    /** The last reading's time, or {@link Long#MIN_VALUE}. */
    public long lastContact(String deviceId) {
        return require(deviceId).lastContact;
    }

    /** Active alarm types of a device. */
    public List<String> activeAlarms(String deviceId) {
        DeviceState d = require(deviceId);
        List<String> out = new ArrayList<>();
        for (int a = 0; a < 2 * d.rules.size(); a++) {
            if (d.isActive(a)) {
                out.add(d.rules.alarmType(a));
            }
        }
        return out;
    }

    /** Evaluates one reading of a known device. */
    public List<Outcome> accept(String deviceId, Reading reading) {
        DeviceState d = require(deviceId);
        long ts = reading.ts();
        d.lastContact = Math.max(d.lastContact, ts);
        List<Outcome> out = new ArrayList<>(0);
        RuleSet rules = d.rules;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.rule(i);
            if (rule.isAbsence()) {
                if (rule.awaited(reading)) {
                    long due = ts + rule.absentFor().toMillis();
                    boolean seen = (d.awaitedSeen & (1 << i)) != 0;
                    // a late, buffered event moves the deadline only forward of an event already seen, never back;
                    // the registration's stand-in deadline gives way to the first real event either way
                    arm(d, i, seen && d.due(i) != DeviceState.NONE ? Math.max(d.due(i), due) : due);
                    d.awaitedSeen |= 1 << i;
                    if (d.isActive(i)) {
                        clear(d, i, ts, out);
                    }
                }
                continue;
            }
            boolean active = d.isActive(i);
            int holds = rule.when().test(reading, active, d);
            if (holds == Condition.UNKNOWN) {
                continue;
            }
            int atRaise = active ? rule.when().test(reading, false, d) : holds;
            d.metRaise = atRaise == Condition.TRUE ? d.metRaise | (1 << i) : d.metRaise & ~(1 << i);
            if (holds == Condition.FALSE) {
                d.setDue(i, DeviceState.NONE);
                if (active) {
                    clear(d, i, ts, out);
                }
            } else if (!active) {
                if (rule.forAtLeast() == null) {
                    raise(d, i, ts, reading.values().toString(), out);
                } else if (d.due(i) == DeviceState.NONE) {
                    arm(d, i, ts + rule.forAtLeast().toMillis());
                } else if (ts >= d.due(i)) {
                    d.setDue(i, DeviceState.NONE);
                    raise(d, i, ts, reading.values().toString(), out);
                }
            }
        }
        d.remember(reading);
        return out;
    }

    /**
     * What the engine remembers of a device, to be kept elsewhere (a state store) and put back with
     * {@link #restore}. Arrays are copies.
     */
    public DeviceSnapshot snapshot(String deviceId) {
        DeviceState d = require(deviceId);
        return new DeviceSnapshot(d.lastContact, Integer.toUnsignedLong(d.active), Integer.toUnsignedLong(d.acknowledged),
                Integer.toUnsignedLong(d.metRaise), Integer.toUnsignedLong(d.awaitedSeen), d.dueTimes(),
                d.escalations == null ? null : d.escalations.clone(), d.rateValue == null ? null : d.rateValue.clone(),
                d.rateTs == null ? null : d.rateTs.clone());
    }

    /**
     * Puts a device back as a {@link #snapshot} left it, with the rules it was taken with, and files its
     * armed timers again: a timer already past fires at the next {@link #advance}. A snapshot that does
     * not fit the rules (they changed in between) is refused; the caller then registers the device anew.
     */
    public void restore(String deviceId, RuleSet rules, DeviceSnapshot s) {
        if (!s.fits(rules)) {
            throw new IllegalArgumentException("the snapshot of " + deviceId + " was taken with other rules");
        }
        DeviceState d = find(deviceId);
        if (d == null) {
            d = new DeviceState(ids.add(deviceId), rules);
            bySlot.add(d);
        } else {
            d.use(rules);
        }
        d.filed = 0; // entries of the former state still in the wheel find their timer re-armed or NONE
        d.lastContact = s.lastContact();
        d.active = (int) s.active();
        d.acknowledged = (int) s.acknowledged();
        d.metRaise = (int) s.metRaise();
        d.awaitedSeen = (int) s.awaitedSeen();
        d.escalations = s.escalations() == null ? null : s.escalations().clone();
        d.rateValue = s.rateValue() == null ? null : s.rateValue().clone();
        d.rateTs = s.rateTs() == null ? null : s.rateTs().clone();
        long[] due = s.due();
        for (int t = 0; t < due.length; t++) {
            if (due[t] != DeviceState.NONE) {
                arm(d, t, due[t]);
            }
        }
    }

    /** The rules a device runs. */
    public RuleSet rules(String deviceId) {
        return require(deviceId).rules;
    }

    /** Fires every timer due at {@code now}. */
    public List<Outcome> advance(long now) {
        return advance(now, id -> { });
    }

    /**
     * Fires every timer due at {@code now} and names each device whose state a timer changed (with or
     * without an outcome), so that a caller keeping device state elsewhere writes back only those.
     */
    public List<Outcome> advance(long now, Consumer<String> touched) {
        DeadlineWheel.LongList due = wheel.takeDue(now);
        if (due.size() == 0) {
            return List.of();
        }
        List<Outcome> out = new ArrayList<>();
        List<Long> later = new ArrayList<>();
        for (int k = 0; k < due.size(); k++) {
            long entry = due.get(k);
            DeviceState d = bySlot.get(DeadlineWheel.slot(entry));
            int t = DeadlineWheel.timer(entry);
            if (d == null || t >= d.timers()) {
                continue;
            }
            long when = d.due(t);
            if (when == DeviceState.NONE) {
                d.filed &= ~(1L << t);
            } else if (when > now) {
                later.add(entry);
            } else {
                d.filed &= ~(1L << t);
                d.setDue(t, DeviceState.NONE);
                fire(d, t, when, out);
                touched.accept(ids.idOf(d.slot));
            }
        }
        for (long entry : later) {
            DeviceState d = bySlot.get(DeadlineWheel.slot(entry));
            wheel.file(entry, d.due(DeadlineWheel.timer(entry)));
        }
        return out;
    }

    /** The earliest time {@link #advance} may have something to do, or {@link Long#MAX_VALUE}. */
    public long nextCheck() {
        return wheel.earliest();
    }

    /** Someone took the alarm on: it stays active, its escalation stops. */
    public void acknowledge(String deviceId, String alarmType) {
        DeviceState d = find(deviceId);
        int a = d == null ? -1 : d.rules.alarmIndex(alarmType);
        if (a >= 0 && d.isActive(a)) {
            d.acknowledged |= 1 << a;
            d.setDue(2 * d.rules.size() + a, DeviceState.NONE);
        }
    }

    /** An operator cleared the alarm by hand; a reading that meets the rule again raises a new one. */
    public List<Outcome> clearByHand(String deviceId, String alarmType, long now) {
        DeviceState d = find(deviceId);
        int a = d == null ? -1 : d.rules.alarmIndex(alarmType);
        if (a < 0 || !d.isActive(a)) {
            return List.of();
        }
        List<Outcome> out = new ArrayList<>();
        clear(d, a, now, out);
        return out;
    }

    // ---- internals

    private void fire(DeviceState d, int t, long when, List<Outcome> out) {
        int n = d.rules.size();
        if (t < n) {
            Rule rule = d.rules.rule(t);
            if (d.isActive(t)) {
                return;
            }
            if (rule.isAbsence() && !rule.activeHours().includes(when)) {
                arm(d, t, nextStart(rule.activeHours(), when)); // a nights-only absence waits for the night
                return;
            }
            raise(d, t, when, rule.isAbsence() ? "no " + rule.absentKey() + "=" + rule.absentValue() + " for " + rule.absentFor()
                    : "held for " + rule.forAtLeast(), out);
        } else if (t < 2 * n) {
            int i = t - n;
            if (d.isActive(i) && d.metRaise(i) && !d.isActive(t)) {
                FollowUp f = d.rules.rule(i).followUp();
                d.active |= 1 << t;
                d.acknowledged &= ~(1 << t);
                d.setEscalation(t, 0);
                out.add(new Outcome.AlarmRaised(id(d), f.alarmType(), f.severity(), when, d.rules.rule(i).alarmType() + " still met after "
                        + f.after()));
                act(d, f.alarmType(), f.severity(), f.actions(), when, "still " + d.rules.rule(i).alarmType() + " after " + f.after(), out);
                if (f.ackWithin() != null) {
                    arm(d, 2 * n + t, when + f.ackWithin().toMillis());
                }
            }
        } else {
            int a = t - 2 * n;
            if (d.isActive(a) && !d.isAcknowledged(a) && d.escalation(a) < MAX_ESCALATIONS) {
                int level = d.escalation(a) + 1;
                d.setEscalation(a, level);
                out.add(new Outcome.AlarmEscalated(id(d), d.rules.alarmType(a), level, when));
                if (level < MAX_ESCALATIONS) {
                    arm(d, t, when + ackWithin(d.rules, a).toMillis());
                }
            }
        }
    }

    private void raise(DeviceState d, int i, long ts, String detail, List<Outcome> out) {
        Rule rule = d.rules.rule(i);
        if (!rule.activeHours().includes(ts)) {
            return;
        }
        int n = d.rules.size();
        d.active |= 1 << i;
        d.acknowledged &= ~(1 << i);
        d.setEscalation(i, 0);
        out.add(new Outcome.AlarmRaised(id(d), rule.alarmType(), rule.severity(), ts, detail));
        act(d, rule.alarmType(), rule.severity(), rule.actions(), ts, detail, out);
        if (rule.followUp() != null) {
            long when = ts + rule.followUp().after().toMillis();
            arm(d, n + i, when);
            out.add(new Outcome.FollowUpScheduled(id(d), rule.alarmType(), rule.followUp().alarmType(), when, ts));
        }
        if (rule.ackWithin() != null) {
            arm(d, 2 * n + i, ts + rule.ackWithin().toMillis());
        }
    }

    private void act(DeviceState d, String alarmType, Severity severity, List<Action> actions, long ts, String detail,
                            List<Outcome> out) {
        String id = id(d);
        for (Action action : actions) {
            if (action instanceof Action.Command c) {
                out.add(new Outcome.SendCommand(id, c.command(), alarmType, ts));
            } else if (action instanceof Action.OpenCase c) {
                out.add(new Outcome.OpenCase(id, alarmType, severity, c.categoryCode(), c.urgent(), c.routeTo(), ts, detail));
            } else if (action instanceof Action.Webhook w) {
                out.add(new Outcome.CallWebhook(id, w.target(), alarmType, ts));
            }
        }
    }

    private void clear(DeviceState d, int a, long ts, List<Outcome> out) {
        int n = d.rules.size();
        d.active &= ~(1 << a);
        d.acknowledged &= ~(1 << a);
        d.setDue(2 * n + a, DeviceState.NONE);
        out.add(new Outcome.AlarmCleared(id(d), d.rules.alarmType(a), ts));
        if (a < n) {
            d.setDue(n + a, DeviceState.NONE);
            if (d.isActive(n + a)) {
                clear(d, n + a, ts, out);
            }
        }
    }

    private void arm(DeviceState d, int t, long when) {
        long before = d.due(t);
        d.setDue(t, when);
        boolean filed = (d.filed & (1L << t)) != 0;
        if (!filed || before == DeviceState.NONE || when < before) {
            wheel.file(DeadlineWheel.pack(d.slot, t), when);
            d.filed |= 1L << t;
        }
    }

    private static Duration ackWithin(RuleSet rules, int a) {
        int n = rules.size();
        return a < n ? rules.rule(a).ackWithin() : rules.rule(a - n).followUp().ackWithin();
    }

    private static long nextStart(ActiveHours hours, long after) {
        java.time.ZonedDateTime t = java.time.Instant.ofEpochMilli(after).atZone(hours.zone()).with(hours.from());
        if (t.toInstant().toEpochMilli() <= after) {
            t = t.plusDays(1);
        }
        return t.toInstant().toEpochMilli();
    }

    /** The id as a {@code String}, for an outcome (the engine keeps ids as bytes: {@link DeviceIds}). */
    private String id(DeviceState d) {
        return ids.idOf(d.slot);
    }

    private DeviceState find(String deviceId) {
        int slot = ids.slotOf(deviceId);
        return slot < 0 ? null : bySlot.get(slot);
    }

    private DeviceState require(String deviceId) {
        DeviceState d = find(deviceId);
        if (d == null) {
            throw new IllegalArgumentException("unknown device " + deviceId);
        }
        return d;
    }
}
