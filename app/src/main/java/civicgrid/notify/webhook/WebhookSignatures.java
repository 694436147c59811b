package civicgrid.notify.webhook;

/** How receivers check a delivery: HMAC-SHA256 of {@code timestamp + "." + body} with the shared secret, hex. */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    public static String sign(String secret, String text) {
        return WebhookDelivery.sign(secret, text);
    }
}
