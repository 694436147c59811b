package civicgrid.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * The five indices of a district or street in a month: every node of the indicator tree with its
 * score 0..100 (null when nothing under it has a value) and, for a second-level indicator, the raw
 * value it was scored from.
 */
public record IndexSheet(String unit, String unitName, String month, int treeVersion, List<Node> indices) {

    /** A node of the tree with its value; {@code source} NONE for an index or first-level indicator. */
    public record Node(String code, String nameZh, String nameEn, double weight, String direction, String normalisation, double lo,
                       double hi, String source, String sourceRef, Double raw, Double score, List<Node> children) {
    }

    /**
     * What is behind one second-level indicator: the cases counted, the shops, the alarms, or who imported the value (by
     * account, {@code importedBy}, and by the name their account is shown by, {@code importedByName}).
     */
    public record Behind(String unit, String month, Node indicator, List<CaseRef> cases, boolean more, List<ShopRef> shops,
                         String importedBy, String importedByName, Instant importedAt) {
    }

    /** A case counted in the figure: the measures it adds (the one counted over first). */
    public record CaseRef(String id, String number, String categoryCode, String gridCode, List<String> measures) {
    }

    /** A frontage-duty shop and its problems in the month. */
    public record ShopRef(long id, String name, String gridCode, long problems) {
    }
}
