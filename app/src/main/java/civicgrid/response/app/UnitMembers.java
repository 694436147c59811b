package civicgrid.response.app;

import civicgrid.identity.PersonalData;
import civicgrid.response.IncidentView;
import civicgrid.response.domain.NearestMembers;
import civicgrid.response.domain.Responder;
import civicgrid.response.domain.UnitMember;
import civicgrid.response.persistence.UnitStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The members of all minimum response units, held in memory: an STR-tree on their home places for
 * proposals, who signs in as which member, and the members' and units' names for the views.
 * Rebuilt whole after the units change.
 */
@Component
public class UnitMembers {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    static final int MAX_PROPOSED = 12;

    private final UnitStore units;
    private final TransactionTemplate tx;
    private volatile Members members;

    /** The members index, who signs in as which member, every member by id and the units' names. */
    private record Members(NearestMembers index, Map<String, UnitMember> byAccount, Map<String, UnitMember> byId,
                           Map<String, String> unitNames) {
    }

    UnitMembers(UnitStore units, TransactionTemplate tx) {
        this.units = units;
        this.tx = tx;
        reload();
    }

    /** The members on duty within a 5-minute walk of a point, nearest first, with their ring. */
    public List<Responder> propose(double lon, double lat, Instant now) {
        return members.index().propose(lon, lat, now.atZone(LOCAL).toLocalTime(), MAX_PROPOSED).stream()
                .map(p -> Responder.proposed(p.member().id(), p.member().unitCode(), p.walkingMinutes(), p.ring(), now)).toList();
    }

    /** The member who signs in with {@code account}, if the account belongs to one. */
    public Optional<UnitMember> signedInAs(String account) {
        return Optional.ofNullable(members.byAccount().get(account));
    }

    /**
     * How responders are shown, from one reading of the members: each with the member's name through
     * {@code mask} and the unit's name (its code when unknown).
     */
    public Function<Responder, IncidentView.ResponderView> views(PersonalData.Masker mask) {
        Members known = members;
        return r -> {
            UnitMember member = known.byId().get(r.memberId());
            return new IncidentView.ResponderView(r.memberId(), r.unitCode(), r.walkingMinutes(), r.ring(), r.state(), r.proposedAt(),
                    r.confirmedAt(), r.onTheWayAt(), r.arrivedAt(), r.arrivalSeconds(), member == null ? null : mask.name(member.nameZh()),
                    known.unitNames().getOrDefault(r.unitCode(), r.unitCode()));
        };
    }

    /** Changes the units and members in one transaction (the demo's seeding), then rebuilds the index. */
    public void withUnits(Consumer<UnitStore> seeding) {
        tx.executeWithoutResult(s -> seeding.accept(units));
        reload();
    }

    private void reload() {
        List<UnitMember> all = units.members();
        Map<String, UnitMember> byAccount = new HashMap<>();
        Map<String, UnitMember> byId = new HashMap<>();
        for (UnitMember m : all) {
            byId.put(m.id(), m);
            if (m.account() != null) {
                byAccount.put(m.account(), m);
            }
        }
        Map<String, String> unitNames = new HashMap<>();
        units.units().forEach(u -> unitNames.put(u.code(), u.nameZh()));
        members = new Members(new NearestMembers(all), byAccount, byId, unitNames);
    }
}
