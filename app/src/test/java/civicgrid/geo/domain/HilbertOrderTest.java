package civicgrid.geo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HilbertOrderTest {

    @Test
    void visitsEveryCellOnceAndStepsToNeighbours() {
        // at the top level the curve of the 65536² grid restricted to multiples of 2^14 is a 4×4 Hilbert curve
        int step = 1 << 14;
        Set<Long> seen = new HashSet<>();
        long[][] byIndex = new long[16][];
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                long d = HilbertOrder.index(x * step, y * step) / ((long) step * step);
                assertThat(seen.add(d)).isTrue();
                byIndex[(int) d] = new long[] {x, y};
            }
        }
        for (int d = 1; d < 16; d++) {
            long manhattan = Math.abs(byIndex[d][0] - byIndex[d - 1][0]) + Math.abs(byIndex[d][1] - byIndex[d - 1][1]);
            assertThat(manhattan).as("step %d", d).isEqualTo(1);
        }
    }
}
