package civicgrid.intake.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a report's text into features: the words Lucene's smartcn analyzer segments (with its
 * stop words), plus the Chinese characters alone and in overlapping pairs. Characters carry what
 * segmentation loses on residents' writing: typos (井概), dialect (莫得) and run-on sentences.
 */
public final class TextFeatures implements AutoCloseable {

    private final Analyzer analyzer = new SmartChineseAnalyzer(true);

    public List<String> of(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        List<String> features = new ArrayList<>(normalized.length() * 2);
        try (TokenStream tokens = analyzer.tokenStream("text", normalized)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() > 0) {
                    features.add("w:" + term);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        char previous = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (han) {
                features.add("u:" + c);
                if (previous != 0) {
                    features.add(new String(new char[] {previous, c}));
                }
            }
            previous = han ? c : 0;
        }
        return features;
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
