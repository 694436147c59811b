package civicgrid.evaluation.reports;

import civicgrid.platform.CivicGridException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font reports are drawn with, found at run time: the file configured as
 * {@code civicgrid.evaluation.reports.font}, else the first TrueType CJK font of the usual system
 * places (WenQuanYi Zen Hei or Micro Hei, AR PL UMing, Droid Sans Fallback). No font is bundled;
 * without one a report fails with {@code REPORT_FONT_MISSING} saying what to install. Only
 * TrueType outlines qualify (PDFBox subsets those; the CFF-based Noto CJK OTF files do not).
 * The font is subset into each PDF, so a report carries only the glyphs it uses.
 */
@Component
class CjkFont {

    static final List<String> KNOWN = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc", "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc");

    private final String configured;
    private TrueTypeFont font;
    private TrueTypeCollection collection;

    CjkFont(@Value("${civicgrid.evaluation.reports.font:}") String configured) {
        this.configured = configured;
    }

    /** The font file used, if any is found. */
    Optional<Path> file() {
        List<String> candidates = new ArrayList<>();
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isReadable);
        }
        candidates.addAll(KNOWN);
        Optional<Path> known = candidates.stream().map(Path::of).filter(Files::isReadable).findFirst();
        return known.or(CjkFont::searchSystemFonts);
    }

    private static Optional<Path> searchSystemFonts() {
        Path root = Path.of("/usr/share/fonts");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root, 4)) {
            return files.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".ttc") || n.endsWith(".ttf")) && (n.contains("wqy") || n.contains("uming") || n.contains("ukai")
                        || n.contains("droidsansfallback"));
            }).sorted().findFirst();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The font embedded (as a subset) in a new document; one reader of the font file for the application's life. */
    synchronized PDType0Font load(PDDocument document) throws IOException {
        if (font == null) {
            Path path = file().orElseThrow(() -> CivicGridException.conflict("REPORT_FONT_MISSING",
                    "No Chinese TrueType font found for reports: install fonts-wqy-zenhei (Debian) or set civicgrid.evaluation.reports.font"
                            + " to a .ttf/.ttc file."));
            if (path.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                collection = new TrueTypeCollection(path.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                font = first[0];
            } else {
                font = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(path.toFile()));
            }
        }
        return PDType0Font.load(document, font, true);
    }
}
