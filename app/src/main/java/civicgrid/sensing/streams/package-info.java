/**
 * Sensing beyond one node: the rule core of {@code sensing.domain} inside a Kafka Streams topology
 * (readings topic keyed by device id → one {@code RuleEngine} per partition with the device state in
 * a state store → outcomes topic), chosen with {@code civicgrid.sensing.engine=kafka-streams}. Only
 * {@link civicgrid.sensing.streams.KafkaSensingConfiguration} is a Spring component here, and it is
 * conditional, so a default start loads none of these classes nor Kafka's. See docs/operations.md
 * "Sensing on Kafka Streams".
 */
package civicgrid.sensing.streams;
