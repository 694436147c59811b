package civicgrid.intake.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Posting needs a known {@code api_key} (the configured ones, plus {@code demo-key} in the demo). */
@Component
class Open311ApiKeys {

    private final Open311Properties properties;
    private final boolean demo;

    Open311ApiKeys(Open311Properties properties, @Value("${civicgrid.demo.enabled:true}") boolean demo) {
        this.properties = properties;
        this.demo = demo;
    }

    /** The client behind a key, as a short hash (the key itself is never stored). */
    String client(String apiKey) {
        if (apiKey == null) {
            throw Open311Exception.forbidden("API_KEY_REQUIRED: api_key is required to post a request.");
        }
        boolean known = properties.apiKeys().contains(apiKey) || demo && "demo-key".equals(apiKey);
        if (!known) {
            throw Open311Exception.forbidden("API_KEY_INVALID: this api_key is not valid.");
        }
        return shortHash(apiKey);
    }

    /** 24 hex digits of SHA-256: names a client or a reporter without keeping what it was made of. */
    static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
