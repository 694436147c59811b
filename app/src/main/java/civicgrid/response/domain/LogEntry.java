package civicgrid.response.domain;

import java.time.Instant;

/** One line of an incident's log, numbered in the order things happened. */
public record LogEntry(int seq, Instant at, String actor, String kind, String step, String text) {
}
