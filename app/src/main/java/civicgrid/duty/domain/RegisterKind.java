package civicgrid.duty.domain;

import java.util.List;

/**
 * The grid's registers (人房企 and key places) described once: their columns as the CSV import and
 * the API name them, which columns identify a row (re-importing updates it), which ones are personal
 * data and how they are masked, and which ones a search matches (a name fragment, an ID-number tail).
 */
public enum RegisterKind {
    PEOPLE("people", "person", List.of("id_number"), "name", "id_number", List.of(
            Column.required("grid_code", ColumnType.GRID),
            Column.required("name", ColumnType.text(40), Mask.NAME),
            Column.required("id_number", ColumnType.ID_NUMBER, Mask.ID_NUMBER),
            Column.optional("phone", ColumnType.PHONE, Mask.PHONE),
            Column.required("address", ColumnType.text(200), Mask.ADDRESS),
            Column.optional("key_groups", ColumnType.KEY_GROUPS),
            Column.optional("lon", ColumnType.LON),
            Column.optional("lat", ColumnType.LAT))),
    HOUSES("houses", "house", List.of("grid_code", "building", "unit", "room"), "address", null, List.of(
            Column.required("grid_code", ColumnType.GRID),
            Column.required("address", ColumnType.text(200), Mask.ADDRESS),
            Column.required("building", ColumnType.text(20)),
            Column.required("unit", ColumnType.text(10)),
            Column.required("room", ColumnType.text(10)),
            Column.required("occupancy", ColumnType.oneOf("OWNER", "TENANT", "VACANT")),
            Column.optional("holder_name", ColumnType.text(40), Mask.NAME),
            Column.optional("holder_phone", ColumnType.PHONE, Mask.PHONE),
            Column.optional("lon", ColumnType.LON),
            Column.optional("lat", ColumnType.LAT))),
    ENTERPRISES("enterprises", "enterprise", List.of("credit_code"), "name", "credit_code", List.of(
            Column.required("grid_code", ColumnType.GRID),
            Column.required("credit_code", ColumnType.CREDIT_CODE),
            Column.required("name", ColumnType.text(100)),
            Column.required("kind", ColumnType.oneOf("SHOP", "ENTERPRISE")),
            Column.required("address", ColumnType.text(200)),
            Column.optional("contact_name", ColumnType.text(40), Mask.NAME),
            Column.optional("contact_phone", ColumnType.PHONE, Mask.PHONE),
            Column.optional("frontage_duty", ColumnType.BOOLEAN),
            Column.optional("lon", ColumnType.LON),
            Column.optional("lat", ColumnType.LAT))),
    KEY_PLACES("places", "key_place", List.of("code"), "name", null, List.of(
            Column.required("grid_code", ColumnType.GRID),
            Column.required("code", ColumnType.text(30)),
            Column.required("name", ColumnType.text(100)),
            Column.required("kind", ColumnType.oneOf("SCHOOL", "MARKET", "OLD_BUILDING", "HOSPITAL", "STATION", "VENUE", "OTHER")),
            Column.required("address", ColumnType.text(200)),
            Column.optional("fire_lane", ColumnType.BOOLEAN),
            Column.optional("lon", ColumnType.LON),
            Column.optional("lat", ColumnType.LAT)));

    private final String path;
    private final String table;
    private final List<String> naturalKey;
    private final String nameColumn;
    private final String tailColumn;
    private final List<Column> columns;

    RegisterKind(String path, String table, List<String> naturalKey, String nameColumn, String tailColumn, List<Column> columns) {
        this.path = path;
        this.table = table;
        this.naturalKey = naturalKey;
        this.nameColumn = nameColumn;
        this.tailColumn = tailColumn;
        this.columns = columns;
    }

    /** The register as URLs name it: people, houses, enterprises, places. */
    public String path() {
        return path;
    }

    public String table() {
        return table;
    }

    public List<String> naturalKey() {
        return naturalKey;
    }

    /** The column a search matches anywhere (a name fragment). */
    public String nameColumn() {
        return nameColumn;
    }

    /** The column a search matches at its end (an ID-number or credit-code tail), or null. */
    public String tailColumn() {
        return tailColumn;
    }

    public List<Column> columns() {
        return columns;
    }

    public static RegisterKind ofPath(String path) {
        for (RegisterKind k : values()) {
            if (k.path.equals(path)) {
                return k;
            }
        }
        return null;
    }

    /** How a column is shown to a viewer who must not see personal data in clear. */
    public enum Mask { NONE, NAME, PHONE, ID_NUMBER, ADDRESS }

    public record Column(String name, ColumnType type, boolean required, Mask mask) {
        static Column required(String name, ColumnType type) {
            return new Column(name, type, true, Mask.NONE);
        }

        static Column required(String name, ColumnType type, Mask mask) {
            return new Column(name, type, true, mask);
        }

        static Column optional(String name, ColumnType type) {
            return new Column(name, type, false, Mask.NONE);
        }

        static Column optional(String name, ColumnType type, Mask mask) {
            return new Column(name, type, false, mask);
        }

        /** The cell as its stored value (null when empty and optional); {@link IllegalArgumentException} says what is wrong. */
        public Object parse(String raw) {
            String v = raw == null ? "" : raw.strip();
            if (v.isEmpty()) {
                if (required) {
                    throw new IllegalArgumentException(name + " is required");
                }
                return type == ColumnType.BOOLEAN ? Boolean.FALSE : type == ColumnType.KEY_GROUPS ? "" : null;
            }
            try {
                return type.parse(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " " + e.getMessage());
            }
        }
    }
}
