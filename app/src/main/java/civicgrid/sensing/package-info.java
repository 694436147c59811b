/**
 * IoT sensing: the device registry, telemetry ingest over MQTT (an embedded Moquette broker by
 * default) and HTTP, the rule core (thresholds with hysteresis, durations, absences, rates,
 * composites, schedules, follow-up chains) with its alarms, and the actions alarms set off:
 * actuator commands, urgent cases through the IoT channel of the closed loop, and signed webhooks to
 * other services (announced as {@link civicgrid.sensing.AlarmWebhookDue}, delivered by notify).
 * Public API: {@link civicgrid.sensing.SensingApi}; the rules live in the Spring-free {@code domain} package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "IoT sensing")
package civicgrid.sensing;
