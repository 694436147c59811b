package civicgrid.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The trend band on hand-made weekly series. */
class TrendBandTest {

    private final TrendBand band = TrendBand.DEFAULT;

    @Test
    void aCategoryRisingBeyondItsBandAlarms() {
        // weeks before: mean 1, population sd 0.707 (squares 0 1 1 0 0 1 0 1 → 4/8): upper 1 + 2 × 0.707 = 2.414
        var j = band.judge(6, new int[] {1, 0, 2, 1, 1, 0, 1, 2});
        assertThat(j).isPresent();
        assertThat(j.get().mean()).isEqualTo(1.0);
        assertThat(j.get().sd()).isCloseTo(Math.sqrt(0.5), within(1e-9));
        assertThat(j.get().upper()).isCloseTo(2.414, within(0.001));
    }

    @Test
    void ordinaryNoiseDoesNot() {
        // mean 4, sd 1.225, upper 6.45: 6 is within the band
        assertThat(band.judge(6, new int[] {3, 5, 2, 4, 6, 3, 5, 4})).isEmpty();
        // a grid that usually sees nothing: three reports are below the minimum of four
        assertThat(band.judge(3, new int[] {0, 0, 0, 0, 0, 0, 0, 0})).isEmpty();
        assertThat(band.judge(4, new int[] {0, 0, 0, 0, 0, 0, 0, 0})).isPresent();
        // falling is never an alarm
        assertThat(band.judge(0, new int[] {9, 9, 9, 9, 9, 9, 9, 9})).isEmpty();
    }
}
