package civicgrid.notify.sse;

import civicgrid.cases.CaseChanged;
import java.util.Map;

/**
 * What a console hears of a case change: small enough to travel between nodes in one PostgreSQL
 * notification, and all a stream needs to scope it to a viewer ({@link #gridCode}, and {@link #roadSegmentCode} for
 * a segment chief; the segment scopes only, the event's data stays as it was).
 */
record LiveCaseEvent(String caseId, String number, String action, String to, String gridCode, boolean urgent,
                     boolean overdue, String at, long atMillis, String roadSegmentCode) implements LiveEvent {

    static LiveCaseEvent of(CaseChanged change) {
        return new LiveCaseEvent(change.caseId().toString(), change.number(), change.action().name(), change.to().name(),
                change.gridCode(), change.urgent(), change.overdue(), change.at().toString(), change.at().toEpochMilli(),
                change.roadSegmentCode());
    }

    @Override
    public String name() {
        return "case";
    }

    /** The {@code data} of the server-sent event. */
    @Override
    public Map<String, Object> payload() {
        return Map.of("caseId", caseId, "number", number, "action", action, "to", to, "gridCode", gridCode, "urgent", urgent,
                "overdue", overdue, "at", at);
    }

    /** The server-sent event id, the same on every node. */
    @Override
    public String eventId() {
        return caseId + ":" + atMillis;
    }
}
