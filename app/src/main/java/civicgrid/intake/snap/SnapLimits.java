package civicgrid.intake.snap;

import civicgrid.platform.CivicGridException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Limits of the public snap API that a fresh device id does not reset: per client address (reports,
 * live suggestions, wrong tracking codes) and per tracking number (wrong codes from all addresses),
 * beside the per-device and per-account report counts kept in the database. A client address is
 * what {@link civicgrid.platform.web.ClientAddresses} makes of the request (an IPv6 client counts by
 * its /64). Buckets live in bounded caches on each node: n nodes let an address through n times,
 * which still bounds a flood; a full cache drops its least used buckets, not everybody's.
 */
@Component
class SnapLimits {

    private static final int MAX_NUMBER_KEY = 40;
    private final SnapProperties properties;
    private final Cache<String, Bucket> reportsByAddress = cache(Duration.ofDays(1));
    private final Cache<String, Bucket> suggestionsByDevice = cache(Duration.ofMinutes(2));
    private final Cache<String, Bucket> suggestionsByAddress = cache(Duration.ofMinutes(2));
    private final Cache<String, Bucket> failedLookupsByAddress = cache(Duration.ofHours(2));
    private final Cache<String, Bucket> failedLookupsByNumber = cache(Duration.ofHours(2));
    private final Cache<String, Bucket> browsingByAddress = cache(Duration.ofMinutes(2));

    SnapLimits(SnapProperties properties) {
        this.properties = properties;
    }

    /** Takes one report from the address's allowance; run the returned action to give it back when the report is refused. */
    Runnable takeReport(String address) {
        Bucket bucket = reportsByAddress.get(address, k -> Bucket.builder()
                .addLimit(perPeriod(properties.perAddressPerHour(), Duration.ofHours(1)))
                .addLimit(perPeriod(properties.perAddressPerDay(), Duration.ofDays(1))).build());
        take(bucket, () -> "Too many reports from your network today or in the last hour; please try again later or call 12345.");
        return () -> bucket.addTokens(1);
    }

    /** One live suggestion for a device (when it names one) and its address. */
    void takeSuggestion(String device, String address) {
        if (device != null) {
            Bucket byDevice = suggestionsByDevice.get(device, k -> Bucket.builder()
                    .addLimit(perPeriod(properties.classifyPerMinute(), Duration.ofMinutes(1))).build());
            if (!byDevice.tryConsume(1)) {
                throw new CivicGridException(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_SUGGESTIONS",
                        "Too many suggestions asked; wait a minute.");
            }
        }
        take(suggestionsByAddress.get(address, k -> Bucket.builder()
                .addLimit(perPeriod(properties.classifyPerAddressPerMinute(), Duration.ofMinutes(1))).build()),
                () -> "Too many suggestions asked from your network; wait a minute.");
    }

    /** One place search or nearby-report list for an address. */
    void takeBrowse(String address) {
        take(browsingByAddress.get(address, k -> Bucket.builder()
                .addLimit(perPeriod(properties.browsePerAddressPerMinute(), Duration.ofMinutes(1))).build()),
                () -> "Too many searches from your network; wait a minute.");
    }

    /**
     * Refuses a tracking-code lookup while its address, or its number (null: not counted, for a
     * signed-in resident who needs no code), has used up its wrong codes. Refused before the code
     * is compared, so a refusal tells a guesser nothing.
     */
    void checkLookup(String address, String number) {
        wait(failedLookupsByAddress(address).estimateAbilityToConsume(1));
        if (number != null) {
            wait(failedLookupsByNumber(number).estimateAbilityToConsume(1));
        }
    }

    /** Counts a wrong code (or a number that does not exist: the two look the same to the caller). */
    void lookupFailed(String address, String number) {
        failedLookupsByAddress(address).tryConsume(1);
        if (number != null) {
            failedLookupsByNumber(number).tryConsume(1);
        }
    }

    private Bucket failedLookupsByAddress(String address) {
        return failedLookupsByAddress.get(address, k -> Bucket.builder()
                .addLimit(perPeriod(properties.failedLookupsPerAddressPerHour(), Duration.ofHours(1))).build());
    }

    private Bucket failedLookupsByNumber(String number) {
        String key = number.strip().toUpperCase(Locale.ROOT);
        return failedLookupsByNumber.get(key.length() > MAX_NUMBER_KEY ? key.substring(0, MAX_NUMBER_KEY) : key, k -> Bucket.builder()
                .addLimit(perPeriod(properties.failedLookupsPerNumberPerHour(), Duration.ofHours(1))).build());
    }

    private static void wait(EstimationProbe probe) {
        if (!probe.canBeConsumed()) {
            throw CivicGridException.rateLimited("Too many wrong tracking codes; please try again later.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static void take(Bucket bucket, Supplier<String> message) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw CivicGridException.rateLimited(message.get(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** A fixed window: the allowance comes back whole at the end of each period (Retry-After says when). */
    private static Bandwidth perPeriod(int tokens, Duration period) {
        return Bandwidth.builder().capacity(tokens).refillIntervally(tokens, period).build();
    }

    private static Cache<String, Bucket> cache(Duration idle) {
        return Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(idle).build();
    }
}
