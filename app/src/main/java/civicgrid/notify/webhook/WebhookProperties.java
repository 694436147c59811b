package civicgrid.notify.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound webhooks: each endpoint gets the case changes inside its territory, signed with its secret.
 *
 * @param endpoints where to post
 * @param retryInterval how often failed deliveries are tried again
 * @param timeout how long one delivery may take
 */
@ConfigurationProperties("civicgrid.webhooks")
public record WebhookProperties(List<Endpoint> endpoints, Duration retryInterval, Duration timeout) {

    public WebhookProperties {
        endpoints = endpoints == null ? List.of() : endpoints;
        retryInterval = retryInterval == null ? Duration.ofSeconds(30) : retryInterval;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    /**
     * @param url the receiver
     * @param secret HMAC-SHA256 key for the {@code X-CivicGrid-Signature} header
     * @param territory unit code whose cases it receives (500000: all)
     */
    public record Endpoint(String url, String secret, String territory) {
        public Endpoint {
            territory = territory == null ? "500000" : territory;
        }
    }
}
