package civicgrid.sensing.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a rule may raise its alarm: every day from {@code from} to {@code to} local time, across
 * midnight when {@code to} is earlier (22:00–06:00 is the night). Clearing is never restricted.
 */
public record ActiveHours(LocalTime from, LocalTime to, ZoneId zone) {

    public static final ZoneId CHONGQING = ZoneId.of("Asia/Shanghai");
    public static final ActiveHours ALWAYS = new ActiveHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, CHONGQING);

    public ActiveHours {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(zone);
    }

    public static ActiveHours nights() {
        return new ActiveHours(LocalTime.of(22, 0), LocalTime.of(6, 0), CHONGQING);
    }

    public boolean includes(long epochMillis) {
        if (from.equals(to)) {
            return true;
        }
        LocalTime t = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
