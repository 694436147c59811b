package civicgrid.sensing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Rules as the data an administrator edits: every profile's rules survive a round trip; bad data names its field. */
class RuleCodecTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** Through JSON text and back, as the API and the database carry them. */
    private static RuleSet roundTrip(RuleSet rules, Profile profile) {
        String text = JSON.writeValueAsString(RuleCodec.write(rules));
        return RuleCodec.read(JSON.readValue(text, List.class), profile);
    }

    private static Object parse(String json) {
        return JSON.readValue(json, Object.class);
    }

    private static String fieldOf(String json, Profile profile) {
        try {
            RuleCodec.read(parse(json), profile);
        } catch (RuleCodec.Invalid e) {
            assertThat(e.getMessage()).startsWith(e.field() + ": ");
            return e.field();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void everyProfilesDefaultRulesSurviveARoundTripUnchanged() {
        for (Profile p : Profile.values()) {
            RuleSet back = roundTrip(p.defaultRules(), p);
            assertThat(back.rules()).as(p.name()).usingRecursiveComparison().isEqualTo(p.defaultRules().rules());
        }
    }

    @Test
    void schedulesDurationsAndEveryKindOfConditionRoundTrip() {
        Rule night = Rule.when("WATER_NIGHT", Severity.WARNING, Condition.all(Condition.Threshold.below("level", 10, 12),
                        Condition.any(new Condition.RateOfChange("level", 1.5), new Condition.Equals("level", 7.0))))
                .forAtLeast(Duration.ofMinutes(20)).during(ActiveHours.nights()).then(new Action.Webhook("flood-desk"));
        RuleSet back = roundTrip(RuleSet.of(night), Profile.WATER_LEVEL);
        assertThat(back.rules()).usingRecursiveComparison().isEqualTo(List.of(night));
    }

    @Test
    void aReadRuleRunsInTheEngine() {
        RuleSet rules = RuleCodec.read(parse("[{\"alarmType\":\"METHANE_30\",\"severity\":\"MAJOR\",\"condition\":{\"type\":\"threshold\","
                + "\"key\":\"methane\",\"direction\":\"above\",\"raise\":30,\"clear\":25},\"actions\":[{\"type\":\"command\",\"command\":\"fan_on\"}]}]"),
                Profile.METHANE_FAN);
        RuleEngine engine = new RuleEngine();
        engine.register("m", rules, 0);
        List<Outcome> out = engine.accept("m", Reading.of(1000, "methane", 35.0));
        assertThat(out).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(Outcome.AlarmRaised.class,
                r -> assertThat(r.alarmType()).isEqualTo("METHANE_30")));
        assertThat(out).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(Outcome.SendCommand.class,
                c -> assertThat(c.command()).isEqualTo("fan_on")));
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        String threshold = "{\"type\":\"threshold\",\"key\":\"methane\",\"direction\":\"above\",\"raise\":60,\"clear\":50}";
        assertThat(fieldOf("[{\"alarmType\":\"X1\",\"severity\":\"MAJOR\",\"condition\":{\"type\":\"threshold\",\"key\":\"hr\","
                + "\"direction\":\"above\",\"raise\":60}}]", Profile.METHANE_FAN)).as("a key the profile does not report")
                .isEqualTo("rules[0].condition.key");
        assertThat(fieldOf("[{\"alarmType\":\"X1\",\"severity\":\"MAJOR\",\"condition\":{\"type\":\"threshold\",\"key\":\"methane\","
                + "\"direction\":\"above\",\"raise\":60,\"clear\":70}}]", Profile.METHANE_FAN)).as("clear level on the wrong side")
                .isEqualTo("rules[0].condition.clear");
        assertThat(fieldOf("[{\"alarmType\":\"X1\",\"severity\":\"MAJOR\",\"condition\":{\"type\":\"threshold\",\"key\":\"methane\","
                + "\"direction\":\"above\",\"raise\":\"high\"}}]", Profile.METHANE_FAN)).isEqualTo("rules[0].condition.raise");
        assertThat(fieldOf("[{\"alarmType\":\"X1\",\"severity\":\"LOUD\",\"condition\":" + threshold + "}]", Profile.METHANE_FAN))
                .isEqualTo("rules[0].severity");
        assertThat(fieldOf("[{\"alarmType\":\"X1\",\"severity\":\"MAJOR\",\"condition\":" + threshold + ",\"colour\":\"red\"}]",
                Profile.METHANE_FAN)).as("an unknown field").isEqualTo("rules[0].colour");
        assertThat(fieldOf("[{\"alarmType\":\"X1\",\"severity\":\"MAJOR\"}]", Profile.METHANE_FAN)).isEqualTo("rules[0]");
        assertThat(fieldOf("[{\"alarmType\":\"X1\",\"severity\":\"MAJOR\",\"condition\":" + threshold + ",\"forMinutes\":0}]",
                Profile.METHANE_FAN)).isEqualTo("rules[0].forMinutes");
        assertThat(fieldOf("[{\"alarmType\":\"X1\",\"severity\":\"MAJOR\",\"condition\":{\"type\":\"all\",\"parts\":[" + threshold
                + ",{\"type\":\"rate\",\"key\":\"methane\",\"perMinute\":-1}]}}]", Profile.METHANE_FAN)).isEqualTo("rules[0].condition.parts[1].perMinute");
        assertThat(fieldOf("[{\"alarmType\":\"X1\",\"severity\":\"MAJOR\",\"condition\":" + threshold + ",\"actions\":[{\"type\":\"openCase\","
                + "\"category\":\"E1103\",\"routeTo\":\"MOON\"}]}]", Profile.METHANE_FAN)).isEqualTo("rules[0].actions[0].routeTo");
        assertThat(fieldOf("[{\"alarmType\":\"X1\",\"severity\":\"MAJOR\",\"condition\":" + threshold + ",\"activeHours\":{\"from\":\"25:00\","
                + "\"to\":\"06:00\"}}]", Profile.METHANE_FAN)).isEqualTo("rules[0].activeHours.from");
        assertThat(fieldOf("{\"alarmType\":\"X1\"}", Profile.METHANE_FAN)).isEqualTo("rules");
    }

    @Test
    void aFollowUpLeadingBackIntoARuleIsACycleAndTypesAreUnique() {
        String a = "{\"alarmType\":\"A1\",\"severity\":\"MINOR\",\"condition\":{\"type\":\"threshold\",\"key\":\"methane\",\"direction\":\"above\","
                + "\"raise\":60},\"followUp\":{\"afterMinutes\":60,\"alarmType\":\"%s\",\"severity\":\"MAJOR\"}}";
        String b = "{\"alarmType\":\"B1\",\"severity\":\"MINOR\",\"condition\":{\"type\":\"equals\",\"key\":\"fan\",\"value\":false}}";
        assertThatThrownBy(() -> RuleCodec.read(parse("[" + a.formatted("A1") + "]"), Profile.METHANE_FAN))
                .isInstanceOfSatisfying(RuleCodec.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo("rules[0].followUp.alarmType");
                    assertThat(e.getMessage()).contains("cycle");
                });
        assertThat(fieldOf("[" + a.formatted("B1") + "," + b + "]", Profile.METHANE_FAN)).as("into another rule")
                .isEqualTo("rules[0].followUp.alarmType");
        assertThat(fieldOf("[" + b + "," + b + "]", Profile.METHANE_FAN)).isEqualTo("rules[1].alarmType");
        assertThat(RuleCodec.read(parse("[" + a.formatted("A2") + "," + b + "]"), Profile.METHANE_FAN).size()).isEqualTo(2);
    }

    @Test
    void moreRulesThanADeviceCanHoldAreRefused() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i <= RuleSet.MAX_RULES; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("alarmType", "R" + i);
            r.put("severity", "MINOR");
            r.put("condition", Map.of("type", "equals", "key", "x" + i, "value", true));
            many.add(r);
        }
        assertThatThrownBy(() -> RuleCodec.read(many, Profile.GENERIC)).isInstanceOfSatisfying(RuleCodec.Invalid.class,
                e -> assertThat(e.field()).isEqualTo("rules"));
        assertThat(RuleCodec.read(many.subList(0, RuleSet.MAX_RULES), Profile.GENERIC).size()).as("any well-formed key on a generic device")
                .isEqualTo(RuleSet.MAX_RULES);
    }
}
