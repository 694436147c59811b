package civicgrid.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers written into free text, masked. Here rather than in identity's {@code PersonalData}
 * (which uses it) so that modules below identity, such as the audit trail, can mask too.
 */
public final class PhonesInText {

    /**
     * A phone number inside free text, not part of a longer run of digits: a mainland mobile
     * (1[3-9] and nine digits, optionally after +86) or a landline with its area code
     * (023-12345678, 0755 1234567, (023)12345678, 02312345678).
     */
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<![\\d*])(?:(\\+?86[- ]?)?(1[3-9]\\d)\\d{4}(\\d{4})"
            + "|(\\(0\\d{2,3}\\) ?|0\\d{2,3}[- ]?)(\\d{3,4})(\\d{4}))(?!\\d)");

    private PhonesInText() {
    }

    /** A mobile as {@code 138****5678}, a landline as {@code 023-****5678}; other digits stay. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = PHONE_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String masked = m.group(2) != null
                    ? (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "****" + m.group(3)
                    : m.group(4) + "*".repeat(m.group(5).length()) + m.group(6);
            m.appendReplacement(out, Matcher.quoteReplacement(masked));
        }
        m.appendTail(out);
        return out.toString();
    }
}
