package civicgrid.notify.sse;

import java.util.Map;

/** What a console's stream sends: an event name, the grid that scopes it to viewers, a stable id and the data. */
interface LiveEvent {

    String name();

    String gridCode();

    String eventId();

    Map<String, Object> payload();
}
