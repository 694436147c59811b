package civicgrid.response.domain;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.Distances;
import civicgrid.response.domain.UnitMember.UnitClass;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Walking estimate, rings, duty hours and the index query. */
class NearestMembersTest {

    static final double LON = 106.45, LAT = 29.58;

    static UnitMember at(String id, double metersEast, LocalTime from, LocalTime to) {
        return new UnitMember(id, "U", UnitClass.B, id, LON + Distances.degreesLon(metersEast, LAT), LAT, from, to, null);
    }

    @Test
    void aMinuteIsFiftyEightMetresOfStraightLine() {
        // 75 m of walking a minute, streets 1.3 times the straight line
        assertThat(WalkingEstimate.minutes(LON, LAT, LON + Distances.degreesLon(75 / 1.3, LAT), LAT)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(WalkingEstimate.ring(0.4)).isEqualTo(1);
        assertThat(WalkingEstimate.ring(2.5)).isEqualTo(3);
        assertThat(WalkingEstimate.ring(5.0)).isEqualTo(5);
        assertThat(WalkingEstimate.ring(5.1)).isZero();
    }

    @Test
    void proposesOnDutyMembersInsideFiveMinutesNearestFirst() {
        LocalTime allDay = LocalTime.MIDNIGHT;
        List<UnitMember> members = new ArrayList<>(List.of(
                at("near", 30, allDay, allDay),            // 0.5 min
                at("mid", 150, allDay, allDay),            // 2.6 min
                at("far", 280, allDay, allDay),            // 4.9 min
                at("beyond", 300, allDay, allDay),         // 5.2 min
                at("asleep", 10, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                at("night", 20, LocalTime.of(20, 0), LocalTime.of(8, 0))));
        for (int i = 0; i < 1000; i++) {
            members.add(at("elsewhere-" + i, 5000 + i * 10, allDay, allDay));
        }
        NearestMembers index = new NearestMembers(members);
        List<NearestMembers.Proposal> at22 = index.propose(LON, LAT, LocalTime.of(22, 0), 10);
        assertThat(at22).extracting(p -> p.member().id()).containsExactly("night", "near", "mid", "far");
        assertThat(at22).extracting(NearestMembers.Proposal::ring).containsExactly(1, 1, 3, 5);
        assertThat(index.propose(LON, LAT, LocalTime.of(9, 0), 10)).extracting(p -> p.member().id())
                .containsExactly("asleep", "near", "mid", "far");
        assertThat(index.propose(LON, LAT, LocalTime.of(9, 0), 2)).hasSize(2);
    }
}
