package civicgrid.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file shipped inside the application (catalog, territory): RFC 4180 with a header row,
 * blank lines skipped. A row whose column count differs from the header's stops the start with the
 * file and line named, rather than an index error somewhere later.
 */
public final class BundledCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private BundledCsv() {
    }

    /** The rows of the classpath resource {@code resource} without its header, each as its values in column order. */
    public static List<String[]> rows(String resource) {
        InputStream in = BundledCsv.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing " + resource);
        }
        try (CSVParser parser = FORMAT.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int columns = parser.getHeaderNames().size();
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != columns) {
                    throw new IllegalStateException(resource + " line " + parser.getCurrentLineNumber() + ": " + record.size()
                            + " columns where the header has " + columns);
                }
                rows.add(record.values());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
    }
}
