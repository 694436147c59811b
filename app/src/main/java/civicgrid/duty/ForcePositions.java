package civicgrid.duty;

import java.time.Instant;
import java.util.List;

/**
 * A source of force positions for the map's forces layer. Duty contributes the grid workers' latest
 * consented positions; another module (response's unit members) adds a Spring bean implementing
 * this interface and its members appear on the same layer, scoped and masked by duty's endpoint.
 */
public interface ForcePositions {

    /**
     * The latest position of each member serving inside the unit whose codes start with
     * {@code unitPrefix} ("" for the whole city), reported at or after {@code since}, at most {@code limit}.
     */
    List<ForceMember> latest(String unitPrefix, Instant since, int limit);
}
