package civicgrid.intake.open311;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiKeys keys Open311 clients post with (the demo adds {@code demo-key})
 * @param jurisdictionId the one jurisdiction served; requests naming another get 404
 * @param publicUrl the base URL discovery announces
 */
@ConfigurationProperties("civicgrid.intake.open311")
record Open311Properties(List<String> apiKeys, String jurisdictionId, String publicUrl) {

    Open311Properties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        jurisdictionId = jurisdictionId == null || jurisdictionId.isBlank() ? "chongqing" : jurisdictionId;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080/open311/v2" : publicUrl;
    }
}
