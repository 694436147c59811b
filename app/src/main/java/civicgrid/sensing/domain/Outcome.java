package civicgrid.sensing.domain;

/**
 * What an evaluation decided, as values: the caller persists alarms, sends commands, opens cases and
 * calls webhooks; the rule core does none of it itself.
 */
public sealed interface Outcome {

    String deviceId();

    long ts();

    /** A new active alarm of this type for the device (none was active). */
    record AlarmRaised(String deviceId, String alarmType, Severity severity, long ts, String detail) implements Outcome {
    }

    record AlarmCleared(String deviceId, String alarmType, long ts) implements Outcome {
    }

    /** Nobody acknowledged the alarm in time: hand it one level up (1 = first escalation). */
    record AlarmEscalated(String deviceId, String alarmType, int level, long ts) implements Outcome {
    }

    record SendCommand(String deviceId, String command, String alarmType, long ts) implements Outcome {
    }

    record OpenCase(String deviceId, String alarmType, Severity severity, String categoryCode, boolean urgent, Action.RouteTo routeTo,
                    long ts, String detail) implements Outcome {
    }

    record CallWebhook(String deviceId, String target, String alarmType, long ts) implements Outcome {
    }

    /** A later check of the chain is due at {@code due} (a timer a persistent scheduler may keep). */
    record FollowUpScheduled(String deviceId, String alarmType, String followUpType, long due, long ts) implements Outcome {
    }
}
