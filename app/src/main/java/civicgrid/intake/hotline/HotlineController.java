package civicgrid.intake.hotline;

import civicgrid.platform.CivicGridException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 12345 hotline's door ({@code X-Api-Key}): {@code POST /api/v1/hotline/orders} with one order as
 * JSON (201 created or joined, 200 when the order number was imported before), and
 * {@code POST /api/v1/hotline/orders/batch} with a CSV of orders (UTF-8, header row; every row is
 * imported or refused on its own, and the answer lists each row's outcome).
 */
@RestController
class HotlineController {

    static final List<String> COLUMNS = List.of("order_no", "received_at", "category", "description", "lon", "lat", "address", "urgent",
            "caller_name", "caller_phone");
    static final int MAX_BATCH_BYTES = 5 * 1024 * 1024;

    private final HotlineOrders orders;
    private final HotlineProperties properties;
    private final JsonMapper json;

    HotlineController(HotlineOrders orders, HotlineProperties properties, JsonMapper json) {
        this.orders = orders;
        this.properties = properties;
        this.json = json;
    }

    record OrderBody(String orderNo, String receivedAt, String category, String description, Double lon, Double lat, String address,
                     Boolean urgent, String callerName, String callerPhone) {
    }

    @PostMapping("/api/v1/hotline/orders")
    ResponseEntity<HotlineOrders.Imported> order(@RequestHeader(name = "X-Api-Key", required = false) String apiKey,
                                                 @RequestBody(required = false) String raw) {
        orders.requireKey(apiKey);
        if (raw == null || raw.isBlank()) {
            throw CivicGridException.badRequest("BODY_REQUIRED", "Send the work order as JSON.");
        }
        OrderBody body;
        try {
            body = json.readValue(raw, OrderBody.class);
        } catch (JacksonException e) {
            throw CivicGridException.badRequest("MALFORMED_JSON", "The work order is not valid JSON of the documented shape.");
        }
        if (body == null) {
            throw CivicGridException.badRequest("BODY_REQUIRED", "Send the work order as JSON.");
        }
        HotlineOrders.Imported imported = orders.importOrder(new HotlineOrders.Order(body.orderNo(), instant(body.receivedAt()),
                body.category(), body.description(), body.lon(), body.lat(), body.address(), Boolean.TRUE.equals(body.urgent()),
                body.callerName(), body.callerPhone()));
        return ResponseEntity.status(imported.outcome().equals("DUPLICATE") ? HttpStatus.OK : HttpStatus.CREATED).body(imported);
    }

    /** Each row's outcome: imported (CREATED, JOINED), already there (DUPLICATE), or REFUSED with the reason. */
    record RowResult(long row, String orderNo, String outcome, String caseNumber, String code, String message) {
    }

    record BatchResult(int rows, Map<String, Integer> outcomes, List<RowResult> results) {
    }

    @PostMapping(value = "/api/v1/hotline/orders/batch", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    BatchResult batch(@RequestHeader(name = "X-Api-Key", required = false) String apiKey, @RequestBody(required = false) byte[] csv) {
        orders.requireKey(apiKey);
        if (csv == null || csv.length == 0) {
            throw CivicGridException.badRequest("BODY_REQUIRED", "Send the orders as CSV with a header row: " + String.join(",", COLUMNS) + ".");
        }
        if (csv.length > MAX_BATCH_BYTES) {
            throw new CivicGridException(HttpStatus.CONTENT_TOO_LARGE, "BATCH_TOO_LARGE", "A batch has at most 5 MB; split it.");
        }
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                .parse(new StringReader(text))) {
            if (!parser.getHeaderNames().containsAll(List.of("order_no", "description"))) {
                throw CivicGridException.badRequest("INVALID_CSV_HEADER", "The header row names the columns: " + String.join(",", COLUMNS) + ".");
            }
            records = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw CivicGridException.badRequest("MALFORMED_CSV", "The CSV cannot be read: " + e.getMessage());
        }
        if (records.size() > properties.maxBatchRows()) {
            throw CivicGridException.badRequest("BATCH_TOO_MANY_ROWS", "A batch has at most " + properties.maxBatchRows() + " rows; split it.");
        }
        List<RowResult> results = new ArrayList<>(records.size());
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (CSVRecord r : records) {
            RowResult result;
            String orderNo = value(r, "order_no");
            try {
                HotlineOrders.Imported imported = orders.importOrder(new HotlineOrders.Order(orderNo, instant(value(r, "received_at")),
                        value(r, "category"), value(r, "description"), number(r, "lon"), number(r, "lat"), value(r, "address"),
                        "true".equalsIgnoreCase(value(r, "urgent")) || "1".equals(value(r, "urgent")) || "是".equals(value(r, "urgent")),
                        value(r, "caller_name"), value(r, "caller_phone")));
                result = new RowResult(r.getRecordNumber(), orderNo, imported.outcome(), imported.caseNumber(), null, null);
            } catch (CivicGridException refused) {
                result = new RowResult(r.getRecordNumber(), orderNo, "REFUSED", null, refused.code(), refused.getMessage());
            }
            results.add(result);
            outcomes.merge(result.outcome(), 1, Integer::sum);
        }
        return new BatchResult(records.size(), outcomes, results);
    }

    private static String value(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Double number(CSVRecord r, String column) {
        String v = value(r, column);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw CivicGridException.badRequest("INVALID_COORDINATES", column + " must be a number in decimal degrees.");
        }
    }

    private static Instant instant(String ts) {
        if (ts == null || ts.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(ts.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw CivicGridException.badRequest("INVALID_RECEIVED_AT", "receivedAt is an ISO-8601 date-time with its offset.");
        }
    }
}
