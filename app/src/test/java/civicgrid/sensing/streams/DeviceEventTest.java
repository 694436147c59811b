package civicgrid.sensing.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import civicgrid.sensing.domain.Action;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;
import civicgrid.sensing.domain.Severity;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two topics' values survive the round trip through JSON unchanged. */
class DeviceEventTest {

    @Test
    void everyKindOfEventComesBackAsItWent() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String k : List.of("tilt", "displaced", "battery", "rssi", "temperature", "firmware", "a", "b", "c")) {
            values.put(k, k.equals("displaced") ? (Object) Boolean.FALSE : k.equals("firmware") ? "1.2.3" : (Object) (double) k.length());
        }
        List<DeviceEvent> events = List.of(new DeviceEvent.ReadingArrived(Profile.GEOMAGNETIC_MANHOLE, 5L, new Reading(7L, values)),
                new DeviceEvent.Registered(Profile.DOOR_MAGNET, 9L), new DeviceEvent.Acknowledged("SMOKE"),
                new DeviceEvent.ClearedByHand("SMOKE", 11L));

        for (DeviceEvent e : events) {
            assertThat(DeviceEvent.decode(DeviceEvent.encode(e))).isEqualTo(e);
        }
        Reading back = ((DeviceEvent.ReadingArrived) DeviceEvent.decode(DeviceEvent.encode(events.get(0)))).reading();
        assertThat(back.values().keySet()).as("in the order sent, so an alarm's detail reads the same in both engines")
                .containsExactlyElementsOf(values.keySet());
        assertThat(back.values()).hasToString(new Reading(7L, values).values().toString());
    }

    @Test
    void messagesOfNoKnownKindAreRefused() {
        for (String bad : List.of("[]", "{\"kind\":\"reboot\"}", "{\"kind\":\"reading\",\"profile\":\"DOOR_MAGNET\",\"ts\":1,\"values\":{}}",
                "{\"kind\":\"register\",\"profile\":\"TOASTER\",\"since\":1}", "{\"kind\":\"ack\"}", "nonsense")) {
            assertThatThrownBy(() -> DeviceEvent.decode(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyKindOfOutcomeComesBackAsItWent() {
        List<Outcome> outcomes = List.of(new Outcome.AlarmRaised("d", "T", Severity.MAJOR, 1L, "{level=55.0}"),
                new Outcome.AlarmCleared("d", "T", 2L), new Outcome.AlarmEscalated("d", "T", 2, 3L),
                new Outcome.SendCommand("d", "fan_on", "T", 4L),
                new Outcome.OpenCase("d", "T", Severity.CRITICAL, "E1104", true, Action.RouteTo.DISTRICT, 5L, "x"),
                new Outcome.CallWebhook("d", "ambulance-escort", "T", 6L), new Outcome.FollowUpScheduled("d", "T", "U", 99L, 7L));
        for (Outcome o : outcomes) {
            assertThat(OutcomeCodec.decode(OutcomeCodec.encode(o))).isEqualTo(o);
        }
        assertThatThrownBy(() -> OutcomeCodec.decode("{\"kind\":\"AlarmRaised\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
