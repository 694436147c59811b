package civicgrid.sensing.app;

import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;

/**
 * The rule core running somewhere else than in this JVM (the Kafka Streams topology of
 * {@code civicgrid.sensing.streams}, with {@code civicgrid.sensing.engine=kafka-streams}). When such
 * a bean exists, {@link SensingEngine} hands every registration, reading, acknowledgement and clearing
 * to it instead of its own engine; the outcomes come back asynchronously and are carried out by
 * {@link Actions} exactly as the in-process engine's are.
 */
public interface RemoteRules {

    /** A device to watch; its absence deadlines run from {@code since} unless the rules know it already. */
    void register(String deviceId, Profile profile, long since);

    /** A reading to evaluate ({@code since} registers the device if the rules do not know it yet). */
    void evaluate(String deviceId, Profile profile, long since, Reading reading);

    void acknowledged(String deviceId, String alarmType);

    void clearedByHand(String deviceId, String alarmType, long now);

    /** Devices the rules of this node watch (its share of the partitions), as far as it can tell now. */
    int watchedDevices();
}
