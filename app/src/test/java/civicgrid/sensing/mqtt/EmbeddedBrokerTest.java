package civicgrid.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The embedded broker's own start: what it does with a stale interrupt flag and with a port already taken. */
class EmbeddedBrokerTest {

    private static EmbeddedBroker broker(int port) {
        return new EmbeddedBroker(MqttProperties.embedded("127.0.0.1", port), null, null);
    }

    @Test
    void startsOnAThreadLeftInterruptedAndKeepsTheFlag() throws Exception {
        EmbeddedBroker broker = broker(0);
        Thread.currentThread().interrupt();
        try {
            broker.start();
            assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt is kept").isTrue();
        } finally {
            Thread.interrupted();
            broker.stop();
        }
        assertThat(broker.port()).isEqualTo(-1);
    }

    @Test
    void listensOnThePortItReports() throws Exception {
        EmbeddedBroker broker = broker(0);
        broker.start();
        try (Socket client = new Socket()) {
            assertThat(broker.port()).isPositive();
            client.connect(new InetSocketAddress("127.0.0.1", broker.port()), 2000);
            assertThat(client.isConnected()).isTrue();
        } finally {
            broker.stop();
        }
    }

    /** Moquette's port table is filled by Netty's thread while the start reads it: many starts, none may trip over that. */
    @Test
    void startsAgainAndAgainOnAFreePort() {
        for (int i = 0; i < 5; i++) {
            EmbeddedBroker broker = broker(0);
            broker.start();
            try {
                assertThat(broker.port()).as("start %d", i).isPositive();
            } finally {
                broker.stop();
            }
        }
    }

    @Test
    void aTakenPortStopsTheStartNamingTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedBroker broker = broker(taken.getLocalPort());
            assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("MQTT port " + taken.getLocalPort() + " is already taken")
                    .hasMessageContaining("CIVICGRID_MQTT_EMBEDDED_PORT");
            assertThat(broker.isRunning()).isFalse();
        }
    }
}
