package civicgrid.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The clustering on made-up points: distances in metres are converted near Chongqing (29.5° N). */
class ClassFinderTest {

    static final Instant T0 = Instant.parse("2026-09-01T02:00:00Z");
    static final double LAT = 29.5;
    /** Degrees of latitude per metre, and of longitude per metre at 29.5° N. */
    static final double DLAT = 1 / 111_320.0;
    static final double DLON = 1 / (111_320.0 * Math.cos(Math.toRadians(LAT)));
    static final ClassFinder FINDER = new ClassFinder(ClassFinder.Settings.DEFAULT);

    static CasePoint at(String category, double eastMeters, double northMeters, int day, String road) {
        return new CasePoint(UUID.randomUUID(), category, "500108001001001", road, 106.5 + eastMeters * DLON, LAT + northMeters * DLAT,
                T0.plus(Duration.ofDays(day)));
    }

    /** Three covers along a road: 100 m apart, a week apart. */
    static List<CasePoint> road(String road, double east, int firstDay) {
        return List.of(at("C0102", east, 0, firstDay, road), at("C0103", east + 100, 0, firstDay + 7, road),
                at("C0102", east + 200, 0, firstDay + 14, road));
    }

    @Test
    void coversOnThreeRoadsOverWeeksMakeOneClassOfThreeHotspots() {
        List<CasePoint> points = new ArrayList<>();
        points.addAll(road(null, 0, 0));
        points.addAll(road(null, 3000, 20));
        points.addAll(road(null, 6000, 40));
        List<ClassFinder.Found> found = FINDER.find(points);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).categoryGroup()).isEqualTo("C01");
        // C0102 six times, C0103 three times
        assertThat(found.get(0).categoryCode()).isEqualTo("C0102");
        assertThat(found.get(0).hotspots()).isEqualTo(3);
        assertThat(found.get(0).caseIds()).containsExactlyInAnyOrderElementsOf(points.stream().map(CasePoint::caseId).toList());
    }

    @Test
    void noiseMakesNoClass() {
        List<CasePoint> points = new ArrayList<>();
        // covers scattered a kilometre apart
        for (int i = 0; i < 10; i++) {
            points.add(at("C0102", i * 1000, 0, i * 3, null));
        }
        // many categories of different groups at one spot
        for (String category : List.of("E0101", "E0201", "A0101", "B0101", "D0101", "F0101")) {
            points.add(at(category, 50, 50, 1, null));
        }
        // covers close together but months apart
        for (int i = 0; i < 4; i++) {
            points.add(at("C0103", 20_000, 0, i * 40, null));
        }
        assertThat(FINDER.find(points)).isEmpty();
    }

    @Test
    void twoHotspotsTooSmallTogetherMakeNoClassButTheSameRoadLinksDistantCases() {
        // one hotspot of three covers and one of two: five cases, below the six a class needs
        List<CasePoint> points = new ArrayList<>(road(null, 0, 0));
        points.add(at("C0102", 5000, 0, 1, null));
        points.add(at("C0102", 5050, 0, 2, null));
        assertThat(FINDER.find(points)).isEmpty();
        // the same cases on one long road segment, 800 m apart: neighbours by the road
        List<CasePoint> onRoad = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            onRoad.add(at("C0101", i * 800, 0, i * 5, "500108001-R1-01"));
        }
        List<ClassFinder.Found> found = FINDER.find(onRoad);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).hotspots()).isEqualTo(1);
        assertThat(found.get(0).caseIds()).hasSize(6);
    }

    /** 30,000 covers spread evenly over a 6 km square (36 km²) and 90 days: every case has ~150 neighbours. */
    static List<CasePoint> evenBackground(java.util.Random random) {
        List<CasePoint> points = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            points.add(at("C0102", random.nextDouble() * 6000, random.nextDouble() * 6000, 0, null));
            CasePoint p = points.get(i);
            points.set(i, new CasePoint(p.caseId(), p.categoryCode(), p.gridCode(), null, p.lon(), p.lat(),
                    T0.plusSeconds((long) (random.nextDouble() * Duration.ofDays(90).getSeconds()))));
        }
        return points;
    }

    @Test
    void aUniformlyDenseBackgroundMakesNoClassButAnExcessOnItIsFound() {
        java.util.Random random = new java.util.Random(18);
        List<CasePoint> background = evenBackground(random);
        double district = 6000.0 * 6000.0;
        // the fixed thresholds alone degenerate: nearly every case is everyone's neighbour
        assertThat(FINDER.find(background).stream().mapToInt(f -> f.caseIds().size()).sum()).isGreaterThan(29_000);
        // measured against the background, no place holds an excess
        assertThat(FINDER.find(background, district)).isEmpty();

        // 600 covers within 100 m of one spot over ten days: four times the background there
        List<CasePoint> excess = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            excess.add(at("C0103", 3000 + (random.nextDouble() - 0.5) * 200, 3000 + (random.nextDouble() - 0.5) * 200,
                    40 + random.nextInt(10), null));
        }
        List<CasePoint> points = new ArrayList<>(background);
        points.addAll(excess);
        List<ClassFinder.Found> found = FINDER.find(points, district);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).hotspots()).isEqualTo(1);
        assertThat(found.get(0).caseIds()).containsAll(excess.stream().map(CasePoint::caseId).toList());
        // with it only the background cases around the spot and its weeks, not the district
        assertThat(found.get(0).caseIds().size()).isLessThan(600 + 1000);
    }
}
