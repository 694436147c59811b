package civicgrid.intake.hotline;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiKeys keys the hotline system sends orders with (the demo adds {@code demo-hotline-key})
 * @param callbackUrl where results go when a case of a hotline order ends (none: results wait until one is set)
 * @param callbackToken sent as {@code Authorization: Bearer ...} with each result
 * @param callbackInterval how often owed results are sent; failed ones back off from here up to an hour
 * @param maxBatchRows rows a CSV batch may hold
 */
@ConfigurationProperties("civicgrid.intake.hotline")
record HotlineProperties(List<String> apiKeys, String callbackUrl, String callbackToken, Duration callbackInterval, Integer maxBatchRows) {

    HotlineProperties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.strip();
        callbackInterval = callbackInterval == null ? Duration.ofSeconds(5) : callbackInterval;
        maxBatchRows = maxBatchRows == null ? 5_000 : maxBatchRows;
    }
}
