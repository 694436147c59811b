package civicgrid.notify.sse;

import java.util.Map;

/** What a console's stream sends: an event name, the grid that scopes it to viewers, a stable id and the data. */
interface LiveEvent {

    String name();

    String gridCode();

    /** The road segment the change lies on, whose chief hears of it beside the grid's viewers; null when none. */
    default String roadSegmentCode() {
        return null;
    }

    String eventId();

    Map<String, Object> payload();
}
