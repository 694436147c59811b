package civicgrid.identity;

import java.util.regex.Pattern;

/**
 * Masking of personal data (phone, ID number, address) for viewers whose role does not need it.
 * Pure functions; {@link #forViewer} picks the policy.
 */
public final class PersonalData {

    /** A run of seven or more digits (an ID number may end in X): a phone or ID number written into free text. */
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile("\\d{7,}[\\dXx]*");

    private PersonalData() {
    }

    /** 13812345678 → 138****5678; shorter numbers keep fewer last digits, never fewer than four hidden (6812345 → 681****). */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        int hidden = Math.max(4, phone.length() - 7);
        return phone.substring(0, 3) + "*".repeat(hidden) + phone.substring(3 + hidden);
    }

    /** Phone and ID numbers inside free text (a report's description) masked as {@link #maskPhone} and {@link #maskIdNumber} do. */
    public static String maskNumbersIn(String text) {
        if (text == null) {
            return null;
        }
        return NUMBER_IN_TEXT.matcher(text).replaceAll(m -> m.group().length() >= 15 ? maskIdNumber(m.group()) : maskPhone(m.group()));
    }

    /** 500104199001011234 → 500104********1234 (keeps the issuing district and the last four). */
    public static String maskIdNumber(String id) {
        if (id == null || id.length() < 10) {
            return id == null ? null : "****";
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** Keeps the first half of an address (city, district, street), hides the rest (house and room). */
    public static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        return address.substring(0, address.length() / 2) + "****";
    }

    /** Given name hidden: 张三丰 → 张**. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }

    /** The masking a viewer gets: clear for roles that visit residents and for one's own data. */
    public static Masker forViewer(CurrentUser viewer, UserId subject) {
        boolean clear = viewer != null && (viewer.role().seesPersonalData() || viewer.id().equals(subject));
        return new Masker(clear);
    }

    public static Masker forViewer(CurrentUser viewer) {
        return new Masker(viewer != null && viewer.role().seesPersonalData());
    }

    /** Applies one decision to each field. */
    public record Masker(boolean clear) {
        public String phone(String v) {
            return clear ? v : maskPhone(v);
        }

        public String idNumber(String v) {
            return clear ? v : maskIdNumber(v);
        }

        public String address(String v) {
            return clear ? v : maskAddress(v);
        }

        public String name(String v) {
            return clear ? v : maskName(v);
        }
    }
}
