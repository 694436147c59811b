package civicgrid.evaluation.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The five indices as a tree of indicators (index → first-level → second-level), checked as a whole
 * and computed bottom-up: a second-level indicator's value normalised to 0..100, a parent's score the
 * weighted mean of its children that have a value (their weights taken again over those present, so
 * a missing import lowers coverage, not the score).
 */
public final class IndicatorTree {

    public static final Set<String> SOURCES = Set.of("CASE", "DUTY", "SENSING", "IMPORTED");
    public static final Set<String> DUTY_FIGURES = Set.of("frontageCleanShare", "frontageProblems");
    public static final Set<String> SENSING_FIGURES = Set.of("alarmsRaised", "alarmAcknowledgedShare");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,20}");
    static final double WEIGHT_TOLERANCE = 0.005;

    private final List<IndicatorNode> nodes;
    private final Map<String, IndicatorNode> byCode = new LinkedHashMap<>();
    private final Map<String, List<IndicatorNode>> children = new HashMap<>();

    private IndicatorTree(List<IndicatorNode> nodes) {
        this.nodes = List.copyOf(nodes);
        for (IndicatorNode n : nodes) {
            byCode.put(n.code(), n);
            if (n.parent() != null) {
                children.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n);
            }
        }
    }

    /** Why a tree is refused: a machine code, the node it is about and a sentence naming it. */
    public record Problem(String code, String node, String message) {
    }

    /** A tree known to be well formed (as stored, or after {@link #check} found nothing). */
    public static IndicatorTree of(List<IndicatorNode> nodes) {
        return new IndicatorTree(nodes);
    }

    /** The first problem of a proposed tree, naming the node; empty when it can be kept. */
    public static Optional<Problem> check(List<IndicatorNode> nodes) {
        if (nodes == null || nodes.isEmpty()) {
            return Optional.of(new Problem("INDEX_TREE_EMPTY", null, "A tree needs at least one index."));
        }
        Map<String, IndicatorNode> byCode = new HashMap<>();
        for (IndicatorNode n : nodes) {
            if (n == null || n.code() == null || !CODE.matcher(n.code()).matches()) {
                return Optional.of(new Problem("INDEX_BAD_CODE", n == null ? null : n.code(),
                        "Node code '" + (n == null ? null : n.code()) + "' must be 1-20 letters, digits, '.', '_' or '-'."));
            }
            if (byCode.put(n.code(), n) != null) {
                return Optional.of(problem("INDEX_DUPLICATE_CODE", n, "appears twice"));
            }
            if (n.nameZh() == null || n.nameZh().isBlank() || n.nameZh().length() > 60 || n.nameEn() == null || n.nameEn().isBlank()
                    || n.nameEn().length() > 100) {
                return Optional.of(problem("INDEX_BAD_NAME", n, "needs a Chinese name (up to 60) and an English one (up to 100)"));
            }
        }
        for (IndicatorNode n : nodes) {
            if (n.parent() != null && !byCode.containsKey(n.parent())) {
                return Optional.of(problem("INDEX_UNKNOWN_PARENT", n, "has parent '" + n.parent() + "', which is not in the tree"));
            }
        }
        Map<String, Integer> depths = new HashMap<>();
        for (IndicatorNode n : nodes) {
            List<String> path = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (IndicatorNode at = n; at != null; at = at.parent() == null ? null : byCode.get(at.parent())) {
                if (!seen.add(at.code())) {
                    path.add(at.code());
                    return Optional.of(new Problem("INDEX_CYCLE", n.code(), "The parents of node " + n.code() + " go round in a cycle: "
                            + String.join(" → ", path) + "."));
                }
                path.add(at.code());
            }
            depths.put(n.code(), path.size());
        }
        for (IndicatorNode n : nodes) {
            int depth = depths.get(n.code());
            if (depth > 3) {
                return Optional.of(problem("INDEX_TOO_DEEP", n, "is below a second-level indicator (index → first-level → second-level)"));
            }
            boolean hasChildren = nodes.stream().anyMatch(c -> n.code().equals(c.parent()));
            if (depth == 3 && !SOURCES.contains(n.source())) {
                return Optional.of(problem("INDEX_UNKNOWN_SOURCE", n, "has source '" + n.source()
                        + "': a second-level indicator reads CASE, DUTY, SENSING or IMPORTED"));
            }
            if (depth < 3 && !"NONE".equals(n.source())) {
                return Optional.of(problem("INDEX_SOURCE_ON_PARENT", n, "is an index or first-level indicator: its source must be NONE"));
            }
            if (depth < 3 && !hasChildren) {
                return Optional.of(problem("INDEX_EMPTY_PARENT", n, "has no indicators under it"));
            }
            if (depth == 3) {
                Optional<String> bad = badReference(n);
                if (bad.isPresent()) {
                    return Optional.of(problem("INDEX_UNKNOWN_SOURCE", n, bad.get()));
                }
            }
            if (!"UP".equals(n.direction()) && !"DOWN".equals(n.direction())) {
                return Optional.of(problem("INDEX_BAD_DIRECTION", n, "has direction '" + n.direction() + "': UP or DOWN"));
            }
            if (!List.of("RATIO", "LINEAR", "NONE").contains(n.normalisation())
                    || ("LINEAR".equals(n.normalisation()) && !(n.hi() > n.lo()))) {
                return Optional.of(problem("INDEX_BAD_NORMALISATION", n, "needs RATIO, NONE, or LINEAR with lo below hi"));
            }
            if (!Double.isFinite(n.weight()) || n.weight() < 0) {
                return Optional.of(problem("INDEX_BAD_WEIGHT", n, "has a weight below 0"));
            }
        }
        Map<String, Double> sums = new LinkedHashMap<>();
        for (IndicatorNode n : nodes) {
            if (n.parent() != null) {
                sums.merge(n.parent(), n.weight(), Double::sum);
            }
        }
        for (Map.Entry<String, Double> s : sums.entrySet()) {
            if (Math.abs(s.getValue() - 100) > WEIGHT_TOLERANCE) {
                return Optional.of(new Problem("INDEX_WEIGHTS_NOT_100", s.getKey(), "The weights under " + s.getKey() + " add up to "
                        + Math.round(s.getValue() * 100) / 100.0 + ", not 100."));
            }
        }
        return Optional.empty();
    }

    private static Problem problem(String code, IndicatorNode n, String what) {
        return new Problem(code, n.code(), "Node " + n.code() + " " + what + ".");
    }

    private static Optional<String> badReference(IndicatorNode n) {
        String ref = n.sourceRef() == null ? "" : n.sourceRef();
        boolean known = switch (n.source()) {
            case "IMPORTED" -> n.sourceRef() == null || ref.isEmpty();
            case "DUTY" -> DUTY_FIGURES.contains(ref);
            case "SENSING" -> SENSING_FIGURES.contains(ref);
            default -> CaseFigure.parse(ref).isPresent();
        };
        return known ? Optional.empty() : Optional.of("reads " + n.source() + " '" + ref + "', which CivicGrid does not keep");
    }

    public List<IndicatorNode> nodes() {
        return nodes;
    }

    public Optional<IndicatorNode> node(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<IndicatorNode> roots() {
        return nodes.stream().filter(n -> n.parent() == null).toList();
    }

    public List<IndicatorNode> childrenOf(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** A node's raw value (second-level only) and score 0..100 (null when nothing under it has a value). */
    public record Value(Double raw, Double score) {
    }

    /** Every node's value, the second-level ones read by {@code raw}. */
    public Map<String, Value> compute(Function<IndicatorNode, Double> raw) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (IndicatorNode root : roots()) {
            score(root, raw, out);
        }
        return out;
    }

    private Double score(IndicatorNode n, Function<IndicatorNode, Double> raw, Map<String, Value> out) {
        if (n.leaf()) {
            Double value = raw.apply(n);
            Double score = n.normalise(value);
            out.put(n.code(), new Value(value, score));
            return score;
        }
        double sum = 0;
        double weight = 0;
        for (IndicatorNode c : childrenOf(n.code())) {
            Double s = score(c, raw, out);
            if (s != null) {
                sum += c.weight() * s;
                weight += c.weight();
            }
        }
        Double score = weight == 0 ? null : Math.round(sum / weight * 10) / 10.0;
        out.put(n.code(), new Value(null, score));
        return score;
    }

    /** A case figure a second-level indicator reads: a rate, a count of a measure, or one measure over another. */
    public record CaseFigure(String kind, Rate rate, Measure part, Measure whole) {

        public static Optional<CaseFigure> parse(String ref) {
            try {
                if (ref.startsWith("rate:")) {
                    return Optional.of(new CaseFigure("rate", Rate.ofKey(ref.substring(5)), null, null));
                }
                if (ref.startsWith("count:")) {
                    return Optional.of(new CaseFigure("count", null, Measure.valueOf(ref.substring(6)), null));
                }
                if (ref.startsWith("share:") && ref.indexOf('/') > 6) {
                    String[] p = ref.substring(6).split("/", 2);
                    return Optional.of(new CaseFigure("share", null, Measure.valueOf(p[0]), Measure.valueOf(p[1])));
                }
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
            return Optional.empty();
        }

        /** The figure of a unit's month; null where a share has nothing below it. */
        public Double of(Tally tally) {
            return switch (kind) {
                case "rate" -> rate.of(tally);
                case "count" -> (double) tally.get(part);
                default -> tally.get(whole) == 0 ? null : Math.round(tally.get(part) * 10000.0 / tally.get(whole)) / 10000.0;
            };
        }

        /** The measures whose cases are behind the figure: the one counted over (first), then the one counted. */
        public List<Measure> measures() {
            return switch (kind) {
                case "rate" -> List.of(rate.whole(), rate.part());
                case "count" -> List.of(part);
                default -> List.of(whole, part);
            };
        }
    }
}
