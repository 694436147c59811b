package civicgrid.intake.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.multipart.MultipartFile;

/**
 * The form of a POST, as sent; each field is read and checked here, so that every error comes back
 * the spec's way.
 */
record Open311PostForm(Map<String, String[]> parameters, MultipartFile media) {

    static final int MAX_DESCRIPTION = 4000;
    private static final Pattern URL = Pattern.compile("https?://[^\\s]{1,990}");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([A-Za-z0-9_]{1,40})\\](\\[\\])?");
    private record Limit(String field, int maxLength) {
    }

    private static final List<Limit> CONTACT_LIMITS = List.of(new Limit("email", 120), new Limit("phone", 40),
            new Limit("first_name", 60), new Limit("last_name", 60), new Limit("account_id", 60), new Limit("device_id", 60));

    /** A field's first value, stripped; null when missing or blank. */
    String one(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 || values[0] == null || values[0].isBlank() ? null : values[0].strip();
    }

    String serviceCode() {
        String code = one("service_code");
        if (code == null) {
            throw Open311Exception.badRequest("SERVICE_CODE_REQUIRED: service_code is required.");
        }
        return code;
    }

    String description() {
        String description = one("description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw Open311Exception.badRequest("DESCRIPTION_TOO_LONG: description has at most 4000 characters.");
        }
        return description;
    }

    String mediaUrl() {
        String mediaUrl = one("media_url");
        if (mediaUrl != null && !URL.matcher(mediaUrl).matches()) {
            throw Open311Exception.badRequest("INVALID_MEDIA_URL: media_url must be an http(s) URL of at most 1000 characters.");
        }
        return mediaUrl;
    }

    /** The service definition's attributes ({@code attribute[URGENT]}, {@code attribute[LANDMARK]}), the non-empty ones. */
    Map<String, String> attributes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (!e.getKey().startsWith("attribute")) {
                continue;
            }
            var m = ATTRIBUTE.matcher(e.getKey());
            if (!m.matches()) {
                throw Open311Exception.badRequest("INVALID_ATTRIBUTE: attributes are sent as attribute[CODE]=value.");
            }
            String code = m.group(1);
            String value = e.getValue().length == 0 ? "" : e.getValue()[0].strip();
            switch (code) {
                case "URGENT" -> {
                    if (!value.equals("yes") && !value.equals("no")) {
                        throw Open311Exception.badRequest("INVALID_ATTRIBUTE: attribute[URGENT] is yes or no.");
                    }
                }
                case "LANDMARK" -> {
                    if (value.length() > 200) {
                        throw Open311Exception.badRequest("INVALID_ATTRIBUTE: attribute[LANDMARK] has at most 200 characters.");
                    }
                }
                default -> throw Open311Exception.badRequest("UNKNOWN_ATTRIBUTE: no attribute " + code + " in the service definition.");
            }
            if (!value.isEmpty()) {
                out.put(code, value);
            }
        }
        return out;
    }

    /** The submitter's details are optional and kept for the client; each has a bounded length. */
    void checkContactLengths() {
        for (Limit limit : CONTACT_LIMITS) {
            String v = one(limit.field());
            if (v != null && v.length() > limit.maxLength()) {
                throw Open311Exception.badRequest("FIELD_TOO_LONG: " + limit.field() + " is too long.");
            }
        }
    }

    /** Who reports, as the client knows them: account, device or e-mail, else anonymous. */
    String reporterKey() {
        return Optional.ofNullable(one("account_id")).or(() -> Optional.ofNullable(one("device_id")))
                .or(() -> Optional.ofNullable(one("email"))).orElse("anonymous");
    }

    boolean hasMedia() {
        return media != null && !media.isEmpty();
    }

    byte[] mediaBytes() {
        try {
            return media.getBytes();
        } catch (java.io.IOException e) {
            throw Open311Exception.badRequest("MEDIA_UNREADABLE: the media file could not be read.");
        }
    }
}
