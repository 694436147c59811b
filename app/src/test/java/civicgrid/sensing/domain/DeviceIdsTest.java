package civicgrid.sensing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine's compact id index: slots in registration order, found again after the table grew, ids beyond ASCII included. */
class DeviceIdsTest {

    @Test
    void everyIdKeepsItsSlotThroughGrowth() {
        DeviceIds ids = new DeviceIds();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            assertThat(ids.add("dev-" + i)).isEqualTo(i);
        }
        assertThat(ids.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(ids.slotOf("dev-" + i)).isEqualTo(i);
            assertThat(ids.idOf(i)).isEqualTo("dev-" + i);
        }
        assertThat(ids.slotOf("dev-" + n)).isEqualTo(-1);
        assertThat(ids.slotOf("dev-1 ")).isEqualTo(-1);
        assertThat(ids.slotOf("")).isEqualTo(-1);
    }

    @Test
    void idsBeyondAsciiAreTheirOwn() {
        DeviceIds ids = new DeviceIds();
        int plain = ids.add("abc");
        int chinese = ids.add("烟感-1");
        int accented = ids.add("ab\u00e9");
        int empty = ids.add("");
        assertThat(ids.slotOf("abc")).isEqualTo(plain);
        assertThat(ids.slotOf("烟感-1")).isEqualTo(chinese);
        assertThat(ids.idOf(chinese)).isEqualTo("烟感-1");
        assertThat(ids.slotOf("ab\u00e9")).isEqualTo(accented);
        assertThat(ids.slotOf("")).isEqualTo(empty);
        assertThat(ids.slotOf("烟感-2")).isEqualTo(-1);
        assertThat(ids.slotOf("abe")).isEqualTo(-1);
        assertThat(ids.slotOf("ab\u00e8")).isEqualTo(-1);
    }
}
