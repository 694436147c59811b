package civicgrid.intake.channel;

import civicgrid.platform.CivicGridException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The {@code X-Api-Key} of a system that posts into a channel: missing → 401, not one of the configured keys → 403. */
public final class ChannelKeys {

    private ChannelKeys() {
    }

    /**
     * @param demoKey accepted too while the demo runs ({@code demo} true); never in production
     * @param system whose key it is, for the messages ("the hotline", "a video platform")
     */
    public static void require(String apiKey, List<String> configured, boolean demo, String demoKey, String system) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new CivicGridException(HttpStatus.UNAUTHORIZED, "API_KEY_REQUIRED", "Send " + system + "'s key in the X-Api-Key header.");
        }
        if (!configured.contains(apiKey) && !(demo && demoKey.equals(apiKey))) {
            throw CivicGridException.forbidden("API_KEY_INVALID", "This X-Api-Key is not " + system + "'s key.");
        }
    }
}
