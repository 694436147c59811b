package civicgrid.sensing.app;

/** Sends a command message to a device (over MQTT); false when it could not go out now. */
public interface CommandPublisher {

    boolean publish(String deviceId, String json);
}
