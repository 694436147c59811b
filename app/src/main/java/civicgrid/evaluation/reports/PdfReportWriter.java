package civicgrid.evaluation.reports;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.stereotype.Component;

/**
 * A report as an A4 PDF (PDFBox) in the CJK font, subset: title and period on top, each section a
 * table or horizontal bar chart drawn with lines and rectangles, a page break where a section asks
 * for one or the page is full, the footer and page number on every page. Rates are shown as percents.
 */
@Component
class PdfReportWriter {

    private static final float MARGIN = 40;
    private static final float ROW = 15;
    private static final float TEXT = 9;
    private static final Color BAR = new Color(0x2f, 0x6f, 0xb5);
    private static final Color RULE = new Color(0xbb, 0xbb, 0xbb);

    private final CjkFont fonts;

    PdfReportWriter(CjkFont fonts) {
        this.fonts = fonts;
    }

    byte[] write(ReportContent report) {
        // the font file's reader is shared: one document at a time
        synchronized (fonts) {
            try (PDDocument doc = new PDDocument()) {
                Canvas canvas = new Canvas(doc, fonts.load(doc), report.footer());
                canvas.newPage();
                canvas.text(report.title(), 18, MARGIN, true);
                canvas.text(report.subtitle(), 10, MARGIN, true);
                canvas.y -= 6;
                for (ReportContent.Section s : report.sections()) {
                    if (s.newPage()) {
                        canvas.newPage();
                    }
                    canvas.need(ROW * 3);
                    canvas.y -= 6;
                    canvas.text(s.title(), 12, MARGIN, true);
                    if (s instanceof ReportContent.Table t) {
                        table(canvas, t);
                    } else if (s instanceof ReportContent.Bars b) {
                        bars(canvas, b);
                    }
                }
                canvas.close();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("The report's PDF could not be written", e);
            }
        }
    }

    private static void table(Canvas c, ReportContent.Table t) throws IOException {
        float width = c.width();
        float[] columns = new float[t.headers().size()];
        // the first column takes what the others leave (names are long, figures short)
        float other = t.headers().size() == 1 ? 0 : Math.min(90, width / t.headers().size());
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i == 0 ? width - other * (columns.length - 1) : other;
        }
        row(c, t.headers(), columns, true);
        if (t.rows().isEmpty() && t.empty() != null) {
            c.need(ROW);
            c.text(t.empty(), TEXT, MARGIN + 4, true);
        }
        for (List<Object> r : t.rows()) {
            if (c.need(ROW)) {
                row(c, t.headers(), columns, true);
            }
            row(c, r.stream().map(PdfReportWriter::cell).toList(), columns, false);
        }
    }

    private static void row(Canvas c, List<String> cells, float[] columns, boolean header) throws IOException {
        c.need(ROW);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            c.textAt(c.fit(cells.get(i), TEXT, columns[i] - 6), TEXT, x + 3, c.y - ROW + 4);
            x += columns[i];
        }
        c.rule(c.y - ROW, header ? Color.DARK_GRAY : RULE);
        c.y -= ROW;
    }

    private static void bars(Canvas c, ReportContent.Bars b) throws IOException {
        if (b.labels().isEmpty()) {
            c.text("—", TEXT, MARGIN + 4, true);
            return;
        }
        long max = Math.max(1, b.values().stream().mapToLong(Long::longValue).max().orElse(1));
        float labelWidth = 130;
        float barSpace = c.width() - labelWidth - 50;
        for (int i = 0; i < b.labels().size(); i++) {
            c.need(ROW);
            float base = c.y - ROW + 4;
            c.textAt(c.fit(b.labels().get(i), TEXT, labelWidth - 6), TEXT, MARGIN, base);
            float length = barSpace * b.values().get(i) / max;
            c.box(MARGIN + labelWidth, c.y - ROW + 3, Math.max(length, 0.5f), ROW - 5);
            c.textAt(String.valueOf(b.values().get(i)), TEXT, MARGIN + labelWidth + length + 4, base);
            c.y -= ROW;
        }
    }

    private static String cell(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f%%", d * 100);
        }
        return String.valueOf(v);
    }

    /** Where the pen is on which page. */
    private static final class Canvas {
        private final PDDocument doc;
        private final PDFont font;
        private final String footer;
        private PDPageContentStream stream;
        private int pages;
        float y;

        Canvas(PDDocument doc, PDFont font, String footer) {
            this.doc = doc;
            this.font = font;
            this.footer = footer;
        }

        float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            pages++;
            y = PDRectangle.A4.getHeight() - MARGIN;
            textAt(footer + " · " + pages, 8, MARGIN, MARGIN / 2);
        }

        /** Starts a new page when less than {@code height} is left; answers whether it did. */
        boolean need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
                return true;
            }
            return false;
        }

        void text(String s, float size, float x, boolean advance) throws IOException {
            textAt(fit(s, size, width()), size, x, y - size - 2);
            if (advance) {
                y -= size + 6;
            }
        }

        void textAt(String s, float size, float x, float baseline) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(s);
            stream.endText();
        }

        void rule(float at, Color color) throws IOException {
            stream.setStrokingColor(color);
            stream.setLineWidth(0.5f);
            stream.moveTo(MARGIN, at);
            stream.lineTo(MARGIN + width(), at);
            stream.stroke();
        }

        void box(float x, float bottom, float w, float h) throws IOException {
            stream.setNonStrokingColor(BAR);
            stream.addRect(x, bottom, w, h);
            stream.fill();
            stream.setNonStrokingColor(Color.BLACK);
        }

        /** The text cut (with an ellipsis) to fit a width; characters the font lacks become '?'. */
        String fit(String s, float size, float max) throws IOException {
            StringBuilder out = new StringBuilder();
            float used = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w;
                try {
                    w = font.getStringWidth(ch) / 1000 * size;
                } catch (IllegalArgumentException missing) {
                    ch = "?";
                    w = font.getStringWidth(ch) / 1000 * size;
                }
                if (used + w > max) {
                    return out.append('…').toString();
                }
                out.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            return out.toString();
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }
}
