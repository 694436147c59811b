package civicgrid.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The columns keep each case's values, and order them as PostgreSQL's {@code order by reported_at, case_id}. */
class CasePointsTest {

    static final Instant T0 = Instant.parse("2026-09-01T02:00:00Z");

    /** PostgreSQL compares uuids byte by byte, unsigned; Java's UUID.compareTo compares signed halves. */
    static final Comparator<CasePoint> DATABASE_ORDER = Comparator.comparing(CasePoint::reportedAt)
            .thenComparing(p -> bytes(p.caseId()), Arrays::compareUnsigned);

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    /** Many cases at few moments (ties), ids with either sign in either half. */
    static List<CasePoint> shuffled(Random random, int n, boolean wholeMicroseconds) {
        List<CasePoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = T0.plusSeconds(random.nextInt(20) * 3600L).plusNanos(wholeMicroseconds ? random.nextInt(3) * 1000L : random.nextInt(3));
            long high = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(3) - 1L;
            points.add(new CasePoint(new UUID(high, random.nextLong()), "C010" + random.nextInt(3), "g", random.nextBoolean() ? null : "R" + i % 4,
                    106.5 + random.nextDouble(), 29.5 + random.nextDouble(), at));
        }
        return points;
    }

    @Test
    void reportOrderIsTheDatabasesTimeThenUnsignedIdsWithTiesOnTheMicrosecond() {
        for (boolean wholeMicroseconds : new boolean[] {true, false}) {
            List<CasePoint> points = shuffled(new Random(7), 2000, wholeMicroseconds);
            CasePoints ordered = CasePoints.of(points).inReportOrder();
            List<CasePoint> expected = points.stream().sorted(DATABASE_ORDER).toList();
            assertThat(IntStream.range(0, ordered.size()).mapToObj(ordered::caseId).toList())
                    .isEqualTo(expected.stream().map(CasePoint::caseId).toList());
            // the signed order of the ids differs from the database's here, so the test tells them apart
            assertThat(points.stream().sorted(Comparator.comparing(CasePoint::reportedAt).thenComparing(CasePoint::caseId)).map(CasePoint::caseId)
                    .toList()).isNotEqualTo(expected.stream().map(CasePoint::caseId).toList());
            for (int i = 0; i < ordered.size(); i++) {
                CasePoint p = expected.get(i);
                assertThat(ordered.categoryCode(i)).isEqualTo(p.categoryCode());
                assertThat(ordered.lon(i)).isEqualTo(p.lon());
                assertThat(ordered.lat(i)).isEqualTo(p.lat());
                assertThat(ordered.epochSecond(i)).isEqualTo(p.reportedAt().getEpochSecond());
                assertThat(ordered.road(i) < 0).isEqualTo(p.roadSegmentCode() == null);
            }
        }
    }

    @Test
    void withoutAndOnlyKeepTheOrder() {
        List<CasePoint> points = shuffled(new Random(3), 50, true);
        CasePoints all = CasePoints.of(points);
        Set<UUID> some = Set.of(points.get(3).caseId(), points.get(10).caseId(), points.get(40).caseId());
        assertThat(ids(all.only(some))).containsExactly(points.get(3).caseId(), points.get(10).caseId(), points.get(40).caseId());
        List<UUID> rest = points.stream().map(CasePoint::caseId).filter(id -> !some.contains(id)).toList();
        assertThat(ids(all.without(some))).isEqualTo(rest);
        assertThat(ids(all.without(Set.of()))).isEqualTo(points.stream().map(CasePoint::caseId).toList());
    }

    static List<UUID> ids(CasePoints points) {
        return IntStream.range(0, points.size()).mapToObj(points::caseId).toList();
    }
}
