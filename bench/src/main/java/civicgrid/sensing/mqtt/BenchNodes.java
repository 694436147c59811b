package civicgrid.sensing.mqtt;

import civicgrid.sensing.app.Commands;
import civicgrid.sensing.app.TelemetryIngest;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/** For the benchmarks: a CivicGrid node on an external broker, beside the application's own embedded broker. */
public final class BenchNodes {

    private BenchNodes() {
    }

    /** Started; its session ends when it stops (expiry 0), so it leaves nothing in the broker's share group. */
    public static SmartLifecycle external(String url, String clientId, TelemetryIngest ingest, Commands commands) {
        ExternalBroker node = new ExternalBroker(new MqttProperties(url, null, null, clientId, null, null, Duration.ZERO), ingest, commands);
        node.start();
        return node;
    }
}
