package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** A table to Excel: a real workbook with the cells sent, for signed-in users only; bad tables are 400. */
class TableExportHttpTest extends IntegrationTest {

    private HttpResponse<byte[]> export(String user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/v1/exports/table.xlsx"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", basic(user, "demo"));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aTableBecomesAWorkbook() throws Exception {
        HttpResponse<byte[]> r = export("dadukou", "{\"title\":\"超时案件\",\"columns\":[\"编号\",\"数量\"],\"rows\":[[\"CG202611270000001\",3],"
                + "[\"CG202611270000002\",12.5]]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".xlsx");
        StringBuilder xml = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, r.body());
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().startsWith("xl/")) {
                        xml.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        String text = java.util.regex.Pattern.compile("&#x([0-9a-f]+);").matcher(xml)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
        assertThat(text).contains("name=\"超时案件\"").contains("编号").contains("CG202611270000001").contains("<v>12.5</v>");
    }

    @Test
    void badTablesAreRefused() throws Exception {
        assertThat(export(null, "{\"title\":\"t\",\"columns\":[\"a\"],\"rows\":[]}").statusCode()).isEqualTo(401);
        assertThat(export("dadukou", "{\"title\":\"t\",\"columns\":[],\"rows\":[]}").statusCode()).isEqualTo(400);
        assertThat(export("dadukou", "{\"title\":\"t\",\"columns\":[\"a\"],\"rows\":").statusCode()).isEqualTo(400);
        assertThat(export("dadukou", "{\"columns\":[\"a\"],\"rows\":[]}").statusCode()).isEqualTo(400);
    }
}
