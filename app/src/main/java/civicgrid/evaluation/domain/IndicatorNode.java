package civicgrid.evaluation.domain;

/**
 * One node of the indicator tree: an index (no parent), a first-level indicator (its parent an
 * index) or a second-level indicator (its parent a first-level one, with a source of its value).
 *
 * @param weight        percent among its siblings (siblings sum to 100); an index's is not used
 * @param direction     {@code UP} when more is better, {@code DOWN} when less is
 * @param normalisation {@code RATIO} (a share 0..1), {@code LINEAR} (lo..hi) or {@code NONE} (a parent: weighted mean)
 * @param source        {@code CASE}, {@code DUTY}, {@code SENSING}, {@code IMPORTED}, or {@code NONE} for a parent
 * @param sourceRef     which figure: {@code rate:onTimeDisposalRate}, {@code count:REPORTED}, {@code share:RATED/CLOSED}, a duty or sensing figure
 */
public record IndicatorNode(String code, String parent, String nameZh, String nameEn, double weight, String direction,
                            String normalisation, double lo, double hi, String source, String sourceRef) {

    /** The value on the 0..100 scale, better higher; null stays null. */
    public Double normalise(Double raw) {
        if (raw == null || raw.isNaN()) {
            return null;
        }
        double share = switch (normalisation) {
            case "RATIO" -> raw;
            case "LINEAR" -> (raw - lo) / (hi - lo);
            default -> raw / 100;
        };
        share = Math.max(0, Math.min(1, share));
        if ("DOWN".equals(direction)) {
            share = 1 - share;
        }
        return Math.round(share * 1000) / 10.0;
    }

    public boolean leaf() {
        return !"NONE".equals(source);
    }
}
