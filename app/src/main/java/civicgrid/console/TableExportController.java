package civicgrid.console;

import civicgrid.identity.IdentityApi;
import civicgrid.platform.CivicGridException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any table of the console as an Excel workbook: the page sends the table it shows (header and rows
 * it already holds under the user's scope and masking) and gets an {@code .xlsx} back, numbers as
 * numbers, a frozen bold header.
 */
@RestController
class TableExportController {

    static final int MAX_ROWS = 100_000;
    static final int MAX_COLUMNS = 50;

    private final IdentityApi identity;

    TableExportController(IdentityApi identity) {
        this.identity = identity;
    }

    record Table(@NotNull @Size(min = 1, max = 100) String title, @NotNull @Size(min = 1, max = MAX_COLUMNS) List<String> columns,
                 @NotNull @Size(max = MAX_ROWS) List<List<Object>> rows) {
    }

    @PostMapping(value = "/api/v1/exports/table.xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ResponseEntity<byte[]> xlsx(@Valid @RequestBody Table table) {
        identity.requireCurrentUser();
        for (List<Object> row : table.rows()) {
            if (row == null || row.size() > MAX_COLUMNS) {
                throw CivicGridException.badRequest("INVALID_TABLE", "Each row has at most " + MAX_COLUMNS + " cells.");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "CivicGrid", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(table.title()));
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.value(0, c, table.columns().get(c));
                sheet.style(0, c).bold().fillColor("DDEBF7").set();
            }
            sheet.freezePane(0, 1);
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else if (v instanceof Boolean b) {
                        sheet.value(r + 1, c, b);
                    } else if (v != null) {
                        sheet.value(r + 1, c, String.valueOf(v));
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(table.title() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    /** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
    static String sheetName(String title) {
        String clean = title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return clean.isEmpty() ? "Sheet1" : clean.length() > 31 ? clean.substring(0, 31) : clean;
    }
}
