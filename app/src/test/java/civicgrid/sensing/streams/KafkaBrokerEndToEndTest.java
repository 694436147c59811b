package civicgrid.sensing.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Outcome.AlarmCleared;
import civicgrid.sensing.domain.Outcome.AlarmRaised;
import civicgrid.sensing.domain.Outcome.SendCommand;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;
import civicgrid.sensing.domain.Severity;
import civicgrid.sensing.app.Actions;
import civicgrid.sensing.app.RemoteRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Once against a real Kafka broker (KRaft, in this JVM): readings put on the readings topic by the
 * node's {@link KafkaRules}, the topology raises the alarm, the {@link OutcomeRelay} reads it from the
 * outcomes topic. Then the node is replaced by one with an empty state directory: the device state
 * comes back from the changelog and the alarm raised before is cleared, not raised again.
 */
class KafkaBrokerEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static KafkaClusterTestKit broker;

    @BeforeAll
    static void startBroker() throws Exception {
        // one combined broker + controller on free ports, its logs in a temporary folder deleted on close
        broker = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        broker.format();
        broker.startup();
        broker.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static KafkaSensingProperties node(Path stateDir) {
        return new KafkaSensingProperties(broker.bootstrapServers(), "sensing-e2e", "e2e.readings", "e2e.outcomes", 2, (short) 1, 1,
                stateDir.toString(), Duration.ofMillis(200), null, Map.of());
    }

    /**
     * The Spring side with {@code civicgrid.sensing.engine=kafka-streams}: the {@link civicgrid.sensing.app.RemoteRules}
     * the ingest talks to, the topology, and the relay handing the outcomes to {@link Actions}, the path the
     * in-process engine's outcomes take.
     */
    @Test
    void theKafkaStreamsEngineSelectedByConfigurationCarriesOutThroughActions(@TempDir Path stateDir) {
        Actions actions = mock(Actions.class);
        new ApplicationContextRunner()
                .withUserConfiguration(KafkaSensingConfiguration.class)
                .withBean(Actions.class, () -> actions)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("civicgrid.sensing.engine=kafka-streams", "civicgrid.sensing.kafka.bootstrap=" + broker.bootstrapServers(),
                        "civicgrid.sensing.kafka.application-id=sensing-spring", "civicgrid.sensing.kafka.readings-topic=spring.readings",
                        "civicgrid.sensing.kafka.outcomes-topic=spring.outcomes", "civicgrid.sensing.kafka.replication=1",
                        "civicgrid.sensing.kafka.state-dir=" + stateDir, "civicgrid.sensing.kafka.tick=200ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RemoteRules rules = context.getBean(RemoteRules.class);
                    long now = System.currentTimeMillis();
                    rules.evaluate("smoke-spring", Profile.SMOKE, now, Reading.of(now, "smoke", true));

                    verify(actions, timeout(PATIENCE.toMillis()).atLeastOnce()).carryOut(argThat(batch -> batch.stream().anyMatch(o ->
                            o instanceof AlarmRaised r && r.deviceId().equals("smoke-spring") && r.alarmType().equals("SMOKE")
                                    && r.severity() == Severity.CRITICAL)));
                });
    }

    private static <T> List<T> only(List<Outcome> outcomes, Class<T> type) {
        return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void readingsInAlarmOutAndTheStateSurvivesANewNode(@TempDir Path firstDir, @TempDir Path secondDir) {
        List<Outcome> carried = new CopyOnWriteArrayList<>();
        long now = System.currentTimeMillis();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        SensingStreams first = new SensingStreams(node(firstDir));
        try (OutcomeRelay relay = new OutcomeRelay(node(firstDir), carried::addAll)) {
            first.start();
            relay.start();
            try (KafkaRules rules = new KafkaRules(node(firstDir), meters, first::watchedDevices)) {
                rules.evaluate("band-e2e", Profile.WRISTBAND, now, Reading.of(now, "hr", 72));
                rules.evaluate("band-e2e", Profile.WRISTBAND, now, Reading.of(now + 1, "hr", 40));
                rules.evaluate("tank-e2e", Profile.METHANE_FAN, now, Reading.of(now, "methane", 70.0));
                rules.flush();

                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertThat(only(carried, AlarmRaised.class)).extracting(AlarmRaised::deviceId, AlarmRaised::alarmType, AlarmRaised::severity)
                            .containsExactlyInAnyOrder(tuple("band-e2e", "HEART_RATE_ABNORMAL", Severity.CRITICAL),
                                    tuple("tank-e2e", "METHANE_HIGH", Severity.MINOR));
                    assertThat(only(carried, SendCommand.class)).extracting(SendCommand::deviceId, SendCommand::command)
                            .containsExactly(tuple("tank-e2e", "fan_on"));
                });
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(rules.watchedDevices()).isEqualTo(2));
                assertThat(meters.counter("civicgrid.sensing.kafka.send.failed").count()).isZero();
            } finally {
                first.close();
            }
            assertThat(first.state()).isIn(KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.PENDING_SHUTDOWN);

            // another node, nothing on its disk: the device state is restored from the changelog topic
            SensingStreams second = new SensingStreams(node(secondDir));
            try (KafkaRules rules = new KafkaRules(node(secondDir), meters, second::watchedDevices)) {
                second.start();
                rules.evaluate("band-e2e", Profile.WRISTBAND, now, Reading.of(now + 2, "hr", 41));
                rules.evaluate("band-e2e", Profile.WRISTBAND, now, Reading.of(now + 3, "hr", 70));
                rules.flush();

                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(only(carried, AlarmCleared.class)).extracting(AlarmCleared::deviceId, AlarmCleared::alarmType)
                                .containsExactly(tuple("band-e2e", "HEART_RATE_ABNORMAL")));
                assertThat(only(carried, AlarmRaised.class)).as("hr 41 finds the alarm still active: no second alarm").hasSize(2);
            } finally {
                second.close();
            }
        }
    }
}
