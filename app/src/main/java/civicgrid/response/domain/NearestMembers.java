package civicgrid.response.domain;

import civicgrid.geo.Distances;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The members of all units in an STR-tree on their home places: a proposal looks only at the
 * members inside the envelope of the last ring's walk, never at all members. Immutable once built.
 */
public final class NearestMembers {

    private final STRtree tree = new STRtree();
    private final int size;

    public NearestMembers(List<UnitMember> members) {
        members.forEach(m -> tree.insert(new Envelope(m.lon(), m.lon(), m.lat(), m.lat()), m));
        tree.build();
        size = members.size();
    }

    /** A member within the last ring and how far they walk. */
    public record Proposal(UnitMember member, double walkingMinutes, int ring) {
    }

    /** Up to {@code limit} members on duty at {@code localTime}, nearest first, within the 5-minute ring. */
    public List<Proposal> propose(double lon, double lat, LocalTime localTime, int limit) {
        int last = WalkingEstimate.RINGS[WalkingEstimate.RINGS.length - 1];
        double radius = WalkingEstimate.straightMetersWithin(last);
        double dLat = radius / 111_320;
        double dLon = Distances.degreesLon(radius, lat);
        List<Proposal> found = new ArrayList<>();
        for (Object item : tree.query(new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat))) {
            UnitMember m = (UnitMember) item;
            if (!m.onDutyAt(localTime)) {
                continue;
            }
            double minutes = WalkingEstimate.minutes(lon, lat, m.lon(), m.lat());
            int ring = WalkingEstimate.ring(minutes);
            if (ring > 0) {
                found.add(new Proposal(m, Math.round(minutes * 10) / 10.0, ring));
            }
        }
        found.sort(Comparator.comparingDouble(Proposal::walkingMinutes).thenComparing(p -> p.member().id()));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    public int size() {
        return size;
    }
}
