package civicgrid.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An indicator tree computed by hand, and the trees that are refused, each naming its node. */
class IndicatorTreeTest {

    private static IndicatorNode parent(String code, String parent, double weight) {
        return new IndicatorNode(code, parent, code + "名", code + " name", weight, "UP", "NONE", 0, 100, "NONE", null);
    }

    private static IndicatorNode leaf(String code, String parent, double weight, String direction, String normalisation, double lo,
                                      double hi, String source, String ref) {
        return new IndicatorNode(code, parent, code + "名", code + " name", weight, direction, normalisation, lo, hi, source, ref);
    }

    /** X ← F1 (60: L1 a rate, L2 a count where less is better) and F2 (40: L3 imported). */
    private static List<IndicatorNode> handTree() {
        return new ArrayList<>(List.of(parent("X", null, 100), parent("F1", "X", 60), parent("F2", "X", 40),
                leaf("L1", "F1", 50, "UP", "RATIO", 0, 1, "CASE", "rate:onTimeDisposalRate"),
                leaf("L2", "F1", 50, "DOWN", "LINEAR", 0, 200, "CASE", "count:OVERDUE"),
                leaf("L3", "F2", 100, "UP", "LINEAR", 0, 100, "IMPORTED", null)));
    }

    @Test
    void aTreeWithWeightsComputedByHand() {
        assertThat(IndicatorTree.check(handTree())).isEmpty();
        IndicatorTree tree = IndicatorTree.of(handTree());
        Map<String, Double> raw = Map.of("L1", 0.8, "L2", 50.0, "L3", 90.0);
        Map<String, IndicatorTree.Value> v = tree.compute(n -> raw.get(n.code()));
        // L1 0.8 → 80; L2 50 of 0..200, less is better → 1 - 0.25 → 75; L3 90 of 0..100 → 90
        assertThat(v.get("L1").score()).isEqualTo(80.0);
        assertThat(v.get("L2").score()).isEqualTo(75.0);
        assertThat(v.get("L2").raw()).isEqualTo(50.0);
        assertThat(v.get("L3").score()).isEqualTo(90.0);
        // F1 = (50 x 80 + 50 x 75) / 100 = 77.5; F2 = 90; X = 0.6 x 77.5 + 0.4 x 90 = 82.5
        assertThat(v.get("F1").score()).isEqualTo(77.5);
        assertThat(v.get("F2").score()).isEqualTo(90.0);
        assertThat(v.get("X").score()).isEqualTo(82.5);

        // no import this month: F2 has no value and X is F1's alone (weights taken again over what is there)
        Map<String, IndicatorTree.Value> partial = tree.compute(n -> n.code().equals("L3") ? null : raw.get(n.code()));
        assertThat(partial.get("F2").score()).isNull();
        assertThat(partial.get("X").score()).isEqualTo(77.5);
        // values beyond the bounds are held to 0..100
        assertThat(tree.compute(n -> n.code().equals("L2") ? 900.0 : raw.get(n.code())).get("L2").score()).isEqualTo(0.0);
    }

    private static String refused(List<IndicatorNode> nodes) {
        return IndicatorTree.check(nodes).map(p -> p.code() + " " + p.node() + ": " + p.message()).orElse("kept");
    }

    @Test
    void refusedTreesNameTheNode() {
        List<IndicatorNode> t = handTree();
        t.set(4, leaf("L2", "F1", 40, "DOWN", "LINEAR", 0, 200, "CASE", "count:OVERDUE"));
        assertThat(refused(t)).isEqualTo("INDEX_WEIGHTS_NOT_100 F1: The weights under F1 add up to 90.0, not 100.");

        t = handTree();
        t.set(5, leaf("L3", "F2", 100, "UP", "LINEAR", 0, 100, "WEATHER", null));
        assertThat(refused(t)).startsWith("INDEX_UNKNOWN_SOURCE L3: Node L3 has source 'WEATHER'");

        t = handTree();
        t.set(3, leaf("L1", "F1", 50, "UP", "RATIO", 0, 1, "CASE", "rate:happinessRate"));
        assertThat(refused(t)).isEqualTo("INDEX_UNKNOWN_SOURCE L1: Node L1 reads CASE 'rate:happinessRate', which CivicGrid does not keep.");

        t = handTree();
        t.set(5, leaf("L3", "F2", 100, "UP", "RATIO", 0, 1, "DUTY", "shopsSmiling"));
        assertThat(refused(t)).startsWith("INDEX_UNKNOWN_SOURCE L3");

        // F1 under L1 under F1: a cycle, not reachable from any index
        t = handTree();
        t.set(1, parent("F1", "L1", 60));
        assertThat(refused(t)).startsWith("INDEX_CYCLE F1: The parents of node F1 go round in a cycle: F1 → L1 → F1");

        t = handTree();
        t.set(5, leaf("L3", "F9", 100, "UP", "LINEAR", 0, 100, "IMPORTED", null));
        assertThat(refused(t)).isEqualTo("INDEX_UNKNOWN_PARENT L3: Node L3 has parent 'F9', which is not in the tree.");

        t = handTree();
        t.add(leaf("L4", "L3", 100, "UP", "LINEAR", 0, 100, "IMPORTED", null));
        assertThat(refused(t)).startsWith("INDEX_");

        t = handTree();
        t.add(parent("L1", "F1", 0));
        assertThat(refused(t)).startsWith("INDEX_DUPLICATE_CODE L1");

        t = handTree();
        t.set(4, leaf("L2", "F1", 50, "DOWN", "LINEAR", 200, 0, "CASE", "count:OVERDUE"));
        assertThat(refused(t)).startsWith("INDEX_BAD_NORMALISATION L2");

        t = handTree();
        t.set(2, new IndicatorNode("F2", "X", "F2名", "F2 name", 40, "UP", "NONE", 0, 100, "CASE", "rate:closureRate"));
        assertThat(refused(t)).startsWith("INDEX_SOURCE_ON_PARENT F2");

        assertThat(refused(List.of())).startsWith("INDEX_TREE_EMPTY");
    }
}
