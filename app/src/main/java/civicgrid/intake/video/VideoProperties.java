package civicgrid.intake.video;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiKeys keys the video platform posts alerts with (the demo adds {@code demo-video-key})
 * @param foldWindow alerts of a camera and algorithm this close in time fold into one case
 * @param foldMeters ... and this close in place
 * @param minPrecision precision an algorithm on a camera needs for automatic dispatch
 * @param minVerdicts verdicts needed before precision counts
 * @param minConfidence alerts below this confidence are recorded and dropped
 * @param precisionWindow how far back verdicts count
 */
@ConfigurationProperties("civicgrid.intake.video")
record VideoProperties(List<String> apiKeys, Duration foldWindow, Double foldMeters, Double minPrecision, Integer minVerdicts,
                       Double minConfidence, Duration precisionWindow) {

    VideoProperties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        foldWindow = foldWindow == null ? Duration.ofMinutes(30) : foldWindow;
        foldMeters = foldMeters == null ? 50.0 : foldMeters;
        minPrecision = minPrecision == null ? 0.8 : minPrecision;
        minVerdicts = minVerdicts == null ? 10 : minVerdicts;
        minConfidence = minConfidence == null ? 0.5 : minConfidence;
        precisionWindow = precisionWindow == null ? Duration.ofDays(30) : precisionWindow;
    }

    AlertPolicy policy() {
        return new AlertPolicy(foldWindow, foldMeters, minPrecision, minVerdicts, minConfidence);
    }
}
