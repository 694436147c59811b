package civicgrid.duty.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** What a register cell may hold, and its check; a message finishes the sentence "column ...". */
public interface ColumnType {

    Object parse(String value);

    ColumnType GRID = v -> matching(v, "\\d{15}", "must be a 15-digit grid code");
    ColumnType ID_NUMBER = v -> matching(v.toUpperCase(Locale.ROOT), "\\d{17}[\\dX]", "must be an 18-character ID number");
    ColumnType PHONE = v -> matching(v, "1\\d{10}|0\\d{2,3}-?\\d{7,8}", "must be a mobile or landline number");
    ColumnType CREDIT_CODE = v -> matching(v.toUpperCase(Locale.ROOT), "[0-9A-HJ-NPQRTUWXY]{18}",
            "must be an 18-character unified social credit code");
    ColumnType LON = v -> number(v, 105.0, 110.5, "must be a longitude inside Chongqing (105..110.5)");
    ColumnType LAT = v -> number(v, 28.0, 32.5, "must be a latitude inside Chongqing (28..32.5)");
    ColumnType BOOLEAN = v -> switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "1", "是", "y" -> Boolean.TRUE;
        case "false", "no", "0", "否", "n" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("must be true or false");
    };
    /** Key groups separated by ';' (LONE_ELDERLY;DISABLED), stored sorted in the same form. */
    ColumnType KEY_GROUPS = v -> {
        Set<String> groups = new TreeSet<>();
        for (String g : v.split("[;；]")) {
            String name = g.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                groups.add(KeyGroup.valueOf(name).name());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("names an unknown key group '" + g.strip() + "' (known: "
                        + Arrays.toString(KeyGroup.values()) + ")");
            }
        }
        return String.join(";", groups);
    };

    static ColumnType text(int maxLength) {
        return v -> {
            if (v.length() > maxLength) {
                throw new IllegalArgumentException("is longer than " + maxLength + " characters");
            }
            if (v.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("contains control characters");
            }
            return v;
        };
    }

    static ColumnType oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return v -> {
            String upper = v.toUpperCase(Locale.ROOT);
            if (!allowed.contains(upper)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", values));
            }
            return upper;
        };
    }

    private static String matching(String v, String regex, String message) {
        if (!Pattern.matches(regex, v)) {
            throw new IllegalArgumentException(message);
        }
        return v;
    }

    private static Double number(String v, double min, double max, String message) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(message);
        }
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(message);
        }
        return d;
    }
}
