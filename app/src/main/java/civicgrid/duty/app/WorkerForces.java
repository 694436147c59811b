package civicgrid.duty.app;

import civicgrid.duty.ForceMember;
import civicgrid.duty.ForcePositions;
import civicgrid.duty.persistence.PositionStore;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Duty's own contribution to the forces layer: each consenting grid worker's latest position. */
@Component
class WorkerForces implements ForcePositions {

    private final PositionStore store;

    WorkerForces(PositionStore store) {
        this.store = store;
    }

    @Override
    public List<ForceMember> latest(String unitPrefix, Instant since, int limit) {
        return store.latest(unitPrefix, since, limit);
    }
}
