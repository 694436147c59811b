package civicgrid.identity;

import civicgrid.platform.PhonesInText;

/**
 * Masking of personal data (phone, ID number, address) for viewers whose role does not need it.
 * Pure functions; {@link #forViewer} picks the policy.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /**
     * Masks every phone number found in free text (a case description, a reason): a mobile as
     * {@code 138****5678}, a landline keeping its area code and last four digits
     * ({@code 023-****5678}). Other digits (case numbers, dates, house numbers) stay.
     */
    public static String maskPhonesInText(String text) {
        return PhonesInText.mask(text);
    }

    /** 13812345678 → 138****5678. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        int hidden = Math.max(4, phone.length() - 7);
        return phone.substring(0, 3) + "*".repeat(hidden) + phone.substring(3 + hidden);
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
        return forRole(viewer == null ? null : viewer.role(), viewer != null && viewer.id().equals(subject));
    }

    public static Masker forViewer(CurrentUser viewer) {
        return forRole(viewer == null ? null : viewer.role(), false);
    }

    /**
     * The masking for data about a place: clear only when the viewer's role sees personal data and
     * the place ({@code unitCode}) lies in their territory; a grid worker of one street sees another
     * street's people masked.
     */
    public static Masker forViewerIn(CurrentUser viewer, String unitCode) {
        return new Masker(viewer != null && viewer.role().seesPersonalData() && viewer.sees(unitCode));
    }

    /** The same decision from a role alone (for callers holding no {@link CurrentUser}); {@code ownData}: always clear. */
    public static Masker forRole(Role role, boolean ownData) {
        return new Masker(ownData || role != null && role.seesPersonalData());
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

        /** Free text with the phone numbers in it masked. */
        public String text(String v) {
            return clear ? v : maskPhonesInText(v);
        }
    }
}
