package civicgrid.bench;

import civicgrid.response.domain.NearestMembers;
import civicgrid.response.domain.UnitMember;
import civicgrid.response.domain.UnitMember.UnitClass;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Proposing the nearest response-unit members among {@code BENCH_MEMBERS} (default 100,000) spread
 * over Chongqing's main urban area (106.3-106.8 E, 29.3-29.8 N, about 2,700 km²: some 9 members in a
 * 5-minute walk of a random point), with day, night and round-the-clock duties. Times one proposal
 * (the STR-tree query of the 5-minute ring, duty filter, walking estimate, sort, first 12) per
 * incident at random points, after a warm-up; prints p50, p99 and max. Target: p99 under 5 ms.
 */
public final class ResponderProposalBenchmark {

    private ResponderProposalBenchmark() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(System.getenv().getOrDefault("BENCH_MEMBERS", "100000"));
        Random random = new Random(42);
        LocalTime[][] duties = {{LocalTime.of(8, 0), LocalTime.of(20, 0)}, {LocalTime.of(20, 0), LocalTime.of(8, 0)},
                {LocalTime.MIDNIGHT, LocalTime.MIDNIGHT}};
        List<UnitMember> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalTime[] duty = duties[random.nextInt(duties.length)];
            members.add(new UnitMember("M" + i, "U" + (i / 8), UnitClass.values()[i % 3], "队员", 106.3 + random.nextDouble() * 0.5,
                    29.3 + random.nextDouble() * 0.5, duty[0], duty[1], null));
        }
        long built = System.nanoTime();
        NearestMembers index = new NearestMembers(members);
        System.out.printf("index of %,d members built in %d ms%n", count, (System.nanoTime() - built) / 1_000_000);
        long found = 0;
        for (int i = 0; i < 50_000; i++) {
            found += propose(index, random).size();
        }
        int runs = 100_000;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            found += propose(index, random).size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("proposal among %,d members: p50 %.1f µs, p99 %.1f µs, max %.1f µs (%,d proposals, %.1f members each)%n", count,
                nanos[runs / 2] / 1e3, nanos[runs * 99 / 100] / 1e3, nanos[runs - 1] / 1e3, runs, found / (double) (runs + 50_000));
    }

    private static List<NearestMembers.Proposal> propose(NearestMembers index, Random random) {
        return index.propose(106.3 + random.nextDouble() * 0.5, 29.3 + random.nextDouble() * 0.5,
                LocalTime.of(random.nextInt(24), random.nextInt(60)), 12);
    }
}
