package civicgrid.intake.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The labelled corpus shipped with CivicGrid ({@code intake/corpus/*.tsv}: category code, tab, text),
 * and its fixed split: every fifth text of a category is held out for measuring, never trained on.
 */
public final class Corpus {

    public static final String LOCATION = "classpath*:intake/corpus/*.tsv";

    private final List<LabelledText> texts;

    private Corpus(List<LabelledText> texts) {
        this.texts = List.copyOf(texts);
    }

    public static Corpus load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            java.util.Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<LabelledText> texts = new ArrayList<>();
            for (Resource file : files) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        int tab = line.indexOf('\t');
                        if (tab > 0 && tab < line.length() - 1) {
                            texts.add(new LabelledText(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
                        }
                    }
                }
            }
            return new Corpus(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classification corpus", e);
        }
    }

    public List<LabelledText> all() {
        return texts;
    }

    /** The texts to train on: all but every fifth of each category. */
    public List<LabelledText> training() {
        return split(false);
    }

    /** Every fifth text of each category (the 5th, 10th, ...): never seen in training, used to measure. */
    public List<LabelledText> heldOut() {
        return split(true);
    }

    private List<LabelledText> split(boolean heldOut) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        List<LabelledText> out = new ArrayList<>();
        for (LabelledText t : texts) {
            int n = seen.merge(t.category(), 1, Integer::sum);
            if ((n % 5 == 0) == heldOut) {
                out.add(t);
            }
        }
        return out;
    }
}
