package civicgrid.duty.app;

import civicgrid.audit.AuditApi;
import civicgrid.duty.domain.RegisterKind;
import civicgrid.duty.persistence.RegisterStore;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.PersonalData;
import civicgrid.platform.CivicGridException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grid's registers: CSV import (all rows or none; every bad row is named by its line) and
 * search, masked for the viewer.
 */
@Service
public class Registers {

    private static final int MAX_ERRORS_SHOWN = 20;
    private final RegisterStore store;
    private final RegisterAccess access;
    private final GeoApi geo;
    private final AuditApi audit;
    private final DutyProperties properties;
    private final Clock clock;

    Registers(RegisterStore store, RegisterAccess access, GeoApi geo, AuditApi audit, DutyProperties properties, Clock clock) {
        this.store = store;
        this.access = access;
        this.geo = geo;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public record ImportResult(String register, int rows, long created, long updated) {
    }

    public static RegisterKind kind(String path) {
        RegisterKind kind = RegisterKind.ofPath(path);
        if (kind == null) {
            throw CivicGridException.notFound("UNKNOWN_REGISTER", "No register '" + path + "' (people, houses, enterprises, places).");
        }
        return kind;
    }

    /** Imports a CSV (UTF-8, header row naming the kind's columns) into the registers of {@code unit}. */
    @Transactional
    public ImportResult importCsv(RegisterKind kind, String unit, byte[] csv) {
        String prefix = RegisterAccess.gridPrefix(unit);
        CurrentUser editor = access.requireEditor(unit);
        if (csv == null || csv.length == 0) {
            throw CivicGridException.badRequest("BODY_REQUIRED", "Send the " + kind.path() + " as CSV with a header row: " + header(kind) + ".");
        }
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Object[]> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            Set<String> header = new HashSet<>(parser.getHeaderNames());
            for (RegisterKind.Column c : kind.columns()) {
                if (c.required() && !header.contains(c.name())) {
                    throw CivicGridException.badRequest("INVALID_CSV_HEADER", "The header row names the columns: " + header(kind) + ".");
                }
            }
            long lastLine = 1;
            for (CSVRecord r : parser) {
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (rows.size() + errors.size() >= properties.maxImportRows()) {
                    throw CivicGridException.badRequest("TOO_MANY_ROWS", "A register CSV has at most " + properties.maxImportRows()
                            + " rows; split it.");
                }
                try {
                    Object[] row = row(kind, r, prefix, today);
                    if (!keys.add(naturalKey(kind, row))) {
                        throw new IllegalArgumentException("repeats the " + String.join("/", kind.naturalKey()) + " of an earlier row");
                    }
                    rows.add(row);
                } catch (IllegalArgumentException e) {
                    errors.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw CivicGridException.badRequest("MALFORMED_CSV", "The CSV cannot be read: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw CivicGridException.badRequest("INVALID_ROWS", errors.size() + " of " + (rows.size() + errors.size())
                    + " rows are invalid and nothing was imported: " + String.join("; ", errors.subList(0, Math.min(errors.size(),
                    MAX_ERRORS_SHOWN))) + (errors.size() > MAX_ERRORS_SHOWN ? "; ..." : ""));
        }
        long before = store.count(kind, prefix);
        store.actAs(editor.username());
        store.upsert(kind, rows);
        long created = store.count(kind, prefix) - before;
        audit.record("DUTY_REGISTER_IMPORTED", "DUTY_REGISTER", kind.path() + ":" + unit, null,
                Map.of("rows", rows.size(), "created", created, "by", editor.username()));
        return new ImportResult(kind.path(), rows.size(), created, rows.size() - created);
    }

    /** One page of a unit's register, masked for the viewer; {@code text} matches a name fragment or a key's tail. */
    public List<Map<String, Object>> search(RegisterKind kind, String unit, String text, int page, int size) {
        String prefix = RegisterAccess.gridPrefix(unit);
        CurrentUser viewer = access.requireViewer(unit);
        if (page < 0 || size < 1 || size > 200) {
            throw CivicGridException.badRequest("INVALID_PAGE", "page must be >= 0 and size between 1 and 200.");
        }
        if (text != null && text.length() > 40) {
            throw CivicGridException.badRequest("QUERY_TOO_LONG", "q has at most 40 characters.");
        }
        return store.search(kind, prefix, text, page * size, size).stream().map(row -> view(kind, row, viewer)).toList();
    }

    /** The most key places one map request gets: a whole city's would clutter the screen and the response. */
    public static final int MAX_KEY_PLACES = 5000;

    /**
     * A unit's key places for the map: no personal data (a school or a market, its kind, whether it has a fire
     * lane), so every viewer of the unit's registers sees them in clear; at most {@link #MAX_KEY_PLACES}.
     */
    public List<RegisterStore.KeyPlace> keyPlaces(String unit) {
        String prefix = RegisterAccess.gridPrefix(unit);
        access.requireViewer(unit);
        return store.keyPlaces(prefix, MAX_KEY_PLACES);
    }

    /** Who created or changed which fields of one row, newest first (field names only, never old values). */
    public List<RegisterStore.Change> history(RegisterKind kind, long id) {
        String grid = store.gridOf(kind, id);
        if (grid == null) {
            throw CivicGridException.notFound("REGISTER_ROW_NOT_FOUND", "No row " + id + " in the " + kind.path() + " register.");
        }
        access.requireViewer(grid);
        return store.history(kind, id).stream()
                .map(c -> new RegisterStore.Change(c.action(), c.fields().stream().map(Registers::camel).toList(), c.by(), c.at()))
                .toList();
    }

    /** A stored row as the API shows it: camelCase names, personal data masked as the viewer requires. */
    public static Map<String, Object> view(RegisterKind kind, Map<String, Object> row, CurrentUser viewer) {
        PersonalData.Masker masker = RegisterAccess.masker(viewer, (String) row.get("grid_code"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.get("id"));
        for (RegisterKind.Column c : kind.columns()) {
            Object v = row.get(c.name());
            if (v instanceof String s) {
                v = switch (c.mask()) {
                    case NAME -> masker.name(s);
                    case PHONE -> masker.phone(s);
                    case ID_NUMBER -> masker.idNumber(s);
                    case ADDRESS -> masker.address(s);
                    case NONE -> c.name().equals("key_groups") ? (s.isEmpty() ? List.of() : List.of(s.split(";"))) : s;
                };
            }
            out.put(camel(c.name()), v);
        }
        out.put("registeredOn", String.valueOf(row.get("registered_on")));
        return out;
    }

    private Object[] row(RegisterKind kind, CSVRecord r, String prefix, LocalDate today) {
        List<RegisterKind.Column> columns = kind.columns();
        Object[] row = new Object[columns.size() + 1];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            RegisterKind.Column c = columns.get(i);
            try {
                row[i] = c.parse(r.isMapped(c.name()) && r.isSet(c.name()) ? r.get(c.name()) : null);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", problems));
        }
        String grid = (String) row[0];
        if (!grid.startsWith(prefix)) {
            throw new IllegalArgumentException("grid_code " + grid + " is outside " + (prefix.isEmpty() ? "the city" : prefix));
        }
        Optional<TerritoryUnit> unit = geo.unit(UnitCode.of(grid));
        if (unit.isEmpty()) {
            throw new IllegalArgumentException("grid_code " + grid + " is no grid of the city");
        }
        int lon = index(kind, "lon");
        int lat = index(kind, "lat");
        if ((row[lon] == null) != (row[lat] == null)) {
            throw new IllegalArgumentException("lon and lat come together");
        }
        if (row[lon] == null) {
            row[lon] = unit.get().centroidLon();
            row[lat] = unit.get().centroidLat();
        }
        row[columns.size()] = today;
        return row;
    }

    private static String naturalKey(RegisterKind kind, Object[] row) {
        StringBuilder key = new StringBuilder();
        for (String column : kind.naturalKey()) {
            key.append(row[index(kind, column)]).append('|');
        }
        return key.toString().toUpperCase(Locale.ROOT);
    }

    private static int index(RegisterKind kind, String column) {
        for (int i = 0; i < kind.columns().size(); i++) {
            if (kind.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException(column);
    }

    private static String header(RegisterKind kind) {
        return String.join(",", kind.columns().stream().map(RegisterKind.Column::name).toList());
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }
}
