package civicgrid.intake.video;

import civicgrid.platform.CivicGridException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/video-alerts} (the video platform, {@code X-Api-Key}): 201 with what the alert
 * became, 200 when the alertId was received before. Operators: verdicts, precision, the camera registry.
 */
@RestController
class VideoAlertController {

    private final VideoAlerts alerts;
    private final tools.jackson.databind.json.JsonMapper json;
    private final jakarta.validation.Validator validator;

    VideoAlertController(VideoAlerts alerts, tools.jackson.databind.json.JsonMapper json, jakarta.validation.Validator validator) {
        this.alerts = alerts;
        this.json = json;
        this.validator = validator;
    }

    record AlertBody(@NotBlank @Size(max = 100) String alertId, @NotBlank @Size(max = 60) String cameraId,
                     @NotBlank @Size(max = 40) String algorithm, @NotBlank @Size(max = 40) String ts,
                     @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon, @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                     @NotNull @DecimalMin("0") @DecimalMax("1") Double confidence, @Size(max = 1000) String snapshotUrl) {
    }

    @PostMapping("/api/v1/video-alerts")
    ResponseEntity<VideoAlerts.AlertOut> receive(@RequestHeader(name = "X-Api-Key", required = false) String apiKey,
                                                 @RequestBody(required = false) String raw) {
        alerts.requireKey(apiKey);
        AlertBody body = parse(raw);
        if (!VideoAlerts.validUrl(body.snapshotUrl())) {
            throw CivicGridException.badRequest("INVALID_SNAPSHOT_URL", "snapshotUrl must be an http(s) URL.");
        }
        VideoAlerts.AlertOut out = alerts.receive(new VideoAlerts.AlertIn(body.alertId().strip(), body.cameraId().strip(),
                body.algorithm().strip(), instant(body.ts()), body.lon(), body.lat(), body.confidence(), body.snapshotUrl()));
        return ResponseEntity.status(out.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(out);
    }

    record VerdictBody(@NotNull Boolean truePositive, @Size(max = 500) String reason) {
    }

    @PostMapping("/api/v1/video-alerts/{alertId}/verdict")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void judge(@PathVariable String alertId, @Valid @RequestBody VerdictBody body) {
        alerts.judge(alertId, body.truePositive(), body.reason());
    }

    @GetMapping("/api/v1/video-alerts/precision")
    List<Map<String, Object>> precision(@RequestParam(required = false) String cameraId) {
        return alerts.precision(cameraId);
    }

    @GetMapping("/api/v1/cameras")
    List<VideoStore.Camera> cameras() {
        return alerts.cameras();
    }

    record CameraBody(@NotBlank @Size(max = 60) String id, @NotBlank @Size(max = 120) String name,
                      @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon, @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                      @NotBlank @Size(max = 120) String owner, @NotNull @Size(min = 1, max = 20) List<String> algorithms, Boolean active) {
    }

    @PostMapping("/api/v1/cameras")
    VideoStore.Camera save(@Valid @RequestBody CameraBody body) {
        return alerts.saveCamera(new VideoAlerts.CameraIn(body.id(), body.name(), body.lon(), body.lat(), body.owner(), body.algorithms(),
                body.active()));
    }

    @GetMapping("/api/v1/video-algorithms")
    List<VideoStore.Algorithm> algorithms() {
        return alerts.algorithms();
    }

    /** The body is read after the key is checked: a caller without a key learns nothing about the payload's shape. */
    private AlertBody parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw CivicGridException.badRequest("BODY_REQUIRED", "Send the alert as JSON.");
        }
        AlertBody body;
        try {
            body = json.readValue(raw, AlertBody.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw CivicGridException.badRequest("MALFORMED_JSON", "The alert is not valid JSON of the documented shape.");
        }
        if (body == null) {
            throw CivicGridException.badRequest("BODY_REQUIRED", "Send the alert as JSON.");
        }
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            var v = violations.stream().min(java.util.Comparator.comparing(x -> x.getPropertyPath().toString())).orElseThrow();
            throw CivicGridException.badRequest("INVALID_FIELD", v.getPropertyPath() + " " + v.getMessage() + ".");
        }
        return body;
    }

    private static Instant instant(String ts) {
        try {
            return OffsetDateTime.parse(ts.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw CivicGridException.badRequest("INVALID_TS", "ts must be an ISO-8601 date-time with its offset, e.g. 2026-11-27T09:30:00+08:00.");
        }
    }
}
