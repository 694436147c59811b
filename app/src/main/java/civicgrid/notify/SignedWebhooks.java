package civicgrid.notify;

import civicgrid.notify.webhook.WebhookProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

/**
 * CivicGrid's signed webhooks, one convention for every call to another system: a JSON POST with
 * {@code X-CivicGrid-Event}, {@code X-CivicGrid-Delivery} (stable across retries, for the receiver to
 * drop repeats), {@code X-CivicGrid-Timestamp} (epoch seconds) and
 * {@code X-CivicGrid-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. Retrying is
 * the caller's: {@link #post} throws {@link Undelivered} when the receiver is unreachable or answers
 * other than 2xx.
 */
@Service
public class SignedWebhooks {

    public static final String EVENT = "X-CivicGrid-Event";
    public static final String DELIVERY = "X-CivicGrid-Delivery";
    public static final String TIMESTAMP = "X-CivicGrid-Timestamp";
    public static final String SIGNATURE = "X-CivicGrid-Signature";

    private final HttpClient client;
    private final WebhookProperties properties;
    private final Clock clock;

    SignedWebhooks(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /** Posts {@code json} to {@code url}, signed with {@code secret}; returns once the receiver answered 2xx. */
    public void post(String url, String secret, String event, String deliveryId, String json) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout())
                    .header("Content-Type", "application/json").header(EVENT, event).header(DELIVERY, deliveryId).header(TIMESTAMP, timestamp)
                    .header(SIGNATURE, signature(secret, timestamp, json))
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            throw new Undelivered(url + " is not a usable address: " + e.getMessage());
        }
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new Undelivered(url + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new Undelivered(url + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Undelivered("interrupted");
        }
    }

    /** The {@code X-CivicGrid-Signature} value of a body sent at {@code timestamp}. */
    public static String signature(String secret, String timestamp, String body) {
        return "sha256=" + sign(secret, timestamp + "." + body);
    }

    /** Whether a received signature header is the one {@code secret} gives (compared in constant time). */
    public static boolean verify(String secret, String timestamp, String body, String signatureHeader) {
        if (signatureHeader == null || timestamp == null) {
            return false;
        }
        return MessageDigest.isEqual(signature(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signatureHeader.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex HMAC-SHA256 of {@code text} with {@code secret}. */
    public static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A call that did not reach its receiver (or was refused): the caller tries again later. */
    public static final class Undelivered extends RuntimeException {
        public Undelivered(String message) {
            super(message);
        }
    }
}
