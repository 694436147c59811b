package civicgrid.response;

import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.CivicGridException;
import civicgrid.response.app.IncidentChanges;
import civicgrid.response.app.ResponseRoles;
import civicgrid.response.app.UnitMembers;
import civicgrid.response.domain.Incident;
import civicgrid.response.domain.Responder;
import civicgrid.response.domain.UnitMember;
import civicgrid.response.persistence.IncidentStore;
import civicgrid.response.persistence.UnitStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Minimum response units (最小处置单元) and their members as responders: the units of a territory,
 * the incidents that proposed a member (their phone's list), and a member's answers: confirmed, on
 * the way, arrived.
 */
@Service
public class ResponseUnits {

    /** The most open incidents a member's phone lists. */
    static final int MAX_PROPOSALS = 50;

    private final UnitMembers members;
    private final UnitStore units;
    private final IncidentChanges changes;
    private final IncidentStore incidents;
    private final IdentityApi identity;

    ResponseUnits(UnitMembers members, UnitStore units, IncidentChanges changes, IncidentStore incidents, IdentityApi identity) {
        this.members = members;
        this.units = units;
        this.changes = changes;
        this.incidents = incidents;
        this.identity = identity;
    }

    /** The units whose home place lies in the user's territory. */
    public List<UnitStore.Unit> units() {
        CurrentUser user = identity.requireCurrentUser();
        return units.units().stream().filter(u -> user.sees(u.territoryCode())).toList();
    }

    /**
     * The open incidents that proposed the signed-in member (their phone's list), each with the
     * member's own line; empty for a user who is no unit member.
     */
    public List<Map<String, Object>> myProposals() {
        CurrentUser user = identity.requireCurrentUser();
        Optional<UnitMember> self = members.signedInAs(user.username());
        if (self.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Incident incident : incidents.openProposing(self.get().id(), MAX_PROPOSALS)) {
            Map<String, Object> row = new HashMap<>();
            Incident.Snapshot view = incident.snapshot();
            row.put("incidentId", incident.id());
            row.put("planCode", incident.plan().code());
            row.put("planNameZh", incident.plan().nameZh());
            row.put("planNameEn", incident.plan().nameEn());
            row.put("openedAt", view.openedAt());
            row.put("lon", view.lon());
            row.put("lat", view.lat());
            row.put("responder", incident.responder(self.get().id()));
            out.add(row);
        }
        return out;
    }

    public IncidentView responderConfirmed(String incidentId, String memberId) {
        return answer(incidentId, memberId, "RESPONDER_CONFIRMED", Incident::responderConfirmed);
    }

    public IncidentView responderOnTheWay(String incidentId, String memberId) {
        return answer(incidentId, memberId, "RESPONDER_ON_THE_WAY", Incident::responderOnTheWay);
    }

    public IncidentView responderArrived(String incidentId, String memberId) {
        return answer(incidentId, memberId, "RESPONDER_ARRIVED", Incident::responderArrived);
    }

    /** A step of a proposed member on their way to the place, as {@link Incident} records it. */
    private interface Answer {
        void record(Incident incident, String memberId, String actor, Instant now);
    }

    private IncidentView answer(String incidentId, String memberId, String action, Answer answer) {
        return changes.change(incidentId, action, memberId, (incident, user, now) -> {
            requireResponderOrCenter(user, incident.responder(memberId));
            answer.record(incident, memberId, user.username(), now);
        });
    }

    /** A member answers for their own unit; a center for anybody in its territory. */
    private void requireResponderOrCenter(CurrentUser user, Responder responder) {
        if (ResponseRoles.isCenter(user)) {
            return;
        }
        UnitMember self = members.signedInAs(user.username()).orElse(null);
        if (self == null || !self.unitCode().equals(responder.unitCode())) {
            throw CivicGridException.forbidden("NOT_YOUR_UNIT", "Member " + responder.memberId() + " answers to unit "
                    + responder.unitCode() + ", not yours.");
        }
    }
}
