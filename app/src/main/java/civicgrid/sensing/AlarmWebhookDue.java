package civicgrid.sensing;

import java.time.Instant;

/**
 * A rule's webhook action is due: another service (the traffic police's escort) must hear of the
 * alarm. Published in a transaction of its own, so Spring Modulith's publication registry keeps it
 * until a listener (notify's signed webhooks) has delivered it; a delivery that fails is submitted
 * again, always with the same {@code deliveryId}, for the receiver to drop repeats.
 *
 * @param deliveryId stable across retries: derived from the alarm and the target
 * @param target the target's name as the rule gives it; its address and secret are {@link SensingApi#webhookTarget}
 * @param severity the alarm's severity (CRITICAL, MAJOR, MINOR, WARNING, INDETERMINATE)
 * @param caseId the urgent case the alarm opened, or null
 */
public record AlarmWebhookDue(String deliveryId, String target, long alarmId, String deviceId, String alarmType, String severity,
                              String gridCode, double lon, double lat, String caseId, Instant raisedAt) {
}
