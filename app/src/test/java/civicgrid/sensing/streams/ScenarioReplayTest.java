package civicgrid.sensing.streams;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Outcome.AlarmCleared;
import civicgrid.sensing.domain.Outcome.AlarmEscalated;
import civicgrid.sensing.domain.Outcome.AlarmRaised;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;
import civicgrid.sensing.domain.RuleEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One recorded day of the city (src/test/resources/sensing/scenario-city-day.jsonl: the door magnet,
 * the septic tank's chain, the wristband, smoke, water level, a manhole cover) replayed through the
 * in-process {@link RuleEngine} and through the Kafka Streams topology, time passing minute by minute
 * in both: the same outcomes, device by device, in the same order.
 */
class ScenarioReplayTest {

    private static final long MINUTE = 60_000L;

    /** One line of the file. */
    record Step(long at, String device, Profile profile, Reading reading, String ack, boolean register, boolean end) {
    }

    static List<Step> load(String resource) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Step> steps = new ArrayList<>();
        try (InputStream in = ScenarioReplayTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                long at = OffsetDateTime.parse(n.get("at").asString()).toInstant().toEpochMilli();
                Profile profile = n.has("profile") ? Profile.valueOf(n.get("profile").asString()) : null;
                Reading reading = null;
                if (n.has("values")) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    n.get("values").properties().forEach(e -> values.put(e.getKey(),
                            e.getValue().isBoolean() ? (Object) e.getValue().booleanValue() : e.getValue().doubleValue()));
                    reading = new Reading(at, values);
                }
                steps.add(new Step(at, n.path("device").asString(null), profile, reading, n.path("ack").asString(null),
                        n.path("register").asBoolean(false), n.path("end").asBoolean(false)));
            }
        }
        return steps;
    }

    /** Walks the steps, letting time pass minute by minute up to each. */
    private static void replay(List<Step> steps, Consumer<Long> passTo, Consumer<Step> apply) {
        long now = steps.get(0).at();
        for (Step s : steps) {
            while (now < s.at()) {
                now = Math.min(s.at(), now + MINUTE);
                passTo.accept(now);
            }
            if (!s.end()) {
                apply.accept(s);
            }
        }
    }

    static Map<String, List<Outcome>> inProcess(List<Step> steps) {
        RuleEngine engine = new RuleEngine(Duration.ofSeconds(1));
        List<Outcome> out = new ArrayList<>();
        replay(steps, now -> out.addAll(engine.advance(now)), s -> {
            if (s.register()) {
                engine.register(s.device(), s.profile().defaultRules(), s.at());
            } else if (s.ack() != null) {
                engine.acknowledge(s.device(), s.ack());
            } else {
                if (!engine.knows(s.device())) {
                    engine.register(s.device(), s.profile().defaultRules(), s.at());
                }
                out.addAll(engine.accept(s.device(), s.reading()));
            }
        });
        return byDevice(out);
    }

    static Map<String, List<Outcome>> topology(List<Step> steps) {
        List<Outcome> out = new ArrayList<>();
        try (TopologyHarness t = new TopologyHarness(steps.get(0).at())) {
            replay(steps, now -> t.passTime(now - t.now()), s -> {
                if (s.register()) {
                    t.pipe(s.device(), new DeviceEvent.Registered(s.profile(), s.at()));
                } else if (s.ack() != null) {
                    t.pipe(s.device(), new DeviceEvent.Acknowledged(s.ack()));
                } else {
                    t.send(s.device(), s.profile(), s.reading());
                }
            });
            out.addAll(t.outcomes());
        }
        return byDevice(out);
    }

    private static Map<String, List<Outcome>> byDevice(List<Outcome> outcomes) {
        Map<String, List<Outcome>> by = new LinkedHashMap<>();
        outcomes.forEach(o -> by.computeIfAbsent(o.deviceId(), k -> new ArrayList<>()).add(o));
        return by;
    }

    /** "RAISED TYPE SEVERITY", "ESCALATED TYPE n", "CLEARED TYPE" per device, in order. */
    private static Map<String, List<String>> alarms(Map<String, List<Outcome>> by) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        by.forEach((device, list) -> list.forEach(o -> {
            String line = o instanceof AlarmRaised r ? "RAISED " + r.alarmType() + " " + r.severity()
                    : o instanceof AlarmEscalated e ? "ESCALATED " + e.alarmType() + " " + e.level()
                    : o instanceof AlarmCleared c ? "CLEARED " + c.alarmType() : null;
            if (line != null) {
                out.computeIfAbsent(device, k -> new ArrayList<>()).add(line);
            }
        }));
        return out;
    }

    @Test
    void theInProcessEngineAndTheTopologyRaiseTheSameAlarms() throws IOException {
        List<Step> steps = load("/sensing/scenario-city-day.jsonl");

        Map<String, List<Outcome>> inProcess = inProcess(steps);
        Map<String, List<Outcome>> topology = topology(steps);

        assertThat(alarms(inProcess)).as("what the scenario is about").containsExactlyInAnyOrderEntriesOf(Map.of(
                "door-1", List.of("RAISED DOOR_NOT_OPENED MAJOR", "CLEARED DOOR_NOT_OPENED"),
                "band-1", List.of("RAISED HEART_RATE_ABNORMAL CRITICAL", "CLEARED HEART_RATE_ABNORMAL"),
                "tank-1", List.of("RAISED METHANE_HIGH MINOR", "RAISED METHANE_PERSISTS MAJOR", "ESCALATED METHANE_PERSISTS 1",
                        "CLEARED METHANE_HIGH", "CLEARED METHANE_PERSISTS"),
                "tank-2", List.of("RAISED METHANE_HIGH MINOR", "CLEARED METHANE_HIGH"),
                "smoke-1", List.of("RAISED SMOKE CRITICAL", "ESCALATED SMOKE 1", "ESCALATED SMOKE 2", "ESCALATED SMOKE 3",
                        "CLEARED SMOKE"),
                "smoke-2", List.of("RAISED SMOKE CRITICAL", "CLEARED SMOKE"),
                "gauge-1", List.of("RAISED WATER_LEVEL_HIGH MAJOR", "CLEARED WATER_LEVEL_HIGH"),
                "cover-1", List.of("RAISED MANHOLE_DISPLACED MAJOR", "CLEARED MANHOLE_DISPLACED")));
        assertThat(alarms(topology)).isEqualTo(alarms(inProcess));
        assertThat(topology).as("every outcome, commands and cases too, with its time and detail").isEqualTo(inProcess);
    }
}
