package civicgrid.platform.web;

import civicgrid.platform.CivicGridException;

/**
 * The one rule for text coming in (parameters, path, JSON strings, multipart file names): no C0
 * control character but tab, CR and LF. PostgreSQL cannot store U+0000 in text at all, and the
 * others are never meant as data; refusing them at the door gives a 400 naming the field instead
 * of a failure deep inside.
 */
public final class ControlCharacters {

    public static final String CODE = "INVALID_CHARACTERS";

    private ControlCharacters() {
    }

    /** The index of the first forbidden character in {@code text}, or -1 when there is none. */
    public static int firstForbidden(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Refuses {@code value} with 400 {@code INVALID_CHARACTERS} when it holds a forbidden character. */
    public static void check(String field, String value) {
        int at = firstForbidden(value);
        if (at >= 0) {
            throw refusal(field, value.charAt(at));
        }
    }

    static CivicGridException refusal(String field, char c) {
        return CivicGridException.badRequest(CODE, describe(field) + " contains the control character "
                + String.format("U+%04X", (int) c) + "; text may hold no control characters but tab, CR and LF.");
    }

    private static String describe(String field) {
        return field == null || field.isEmpty() ? "The request" : "'" + printable(field, 60) + "'";
    }

    /** {@code text} cut to {@code max} characters with control characters shown as {@code ?}, fit to quote in a message. */
    public static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 1);
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > max) {
            out.append('…');
        }
        return out.toString();
    }
}
