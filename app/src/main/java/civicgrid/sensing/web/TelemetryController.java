package civicgrid.sensing.web;

import civicgrid.sensing.app.TelemetryIngest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/devices/{deviceId}/telemetry} with {@code X-Device-Token}: 202 when stored and
 * evaluated; 401 {@code DEVICE_AUTH_FAILED} for an unknown device or a wrong token alike; 400
 * {@code MALFORMED_TELEMETRY}.
 */
@RestController
class TelemetryController {

    private final TelemetryIngest ingest;

    TelemetryController(TelemetryIngest ingest) {
        this.ingest = ingest;
    }

    @PostMapping(path = "/api/v1/devices/{deviceId}/telemetry")
    ResponseEntity<Map<String, Object>> telemetry(@PathVariable String deviceId,
                                                  @RequestHeader(name = "X-Device-Token", required = false) String token,
                                                  @RequestBody(required = false) byte[] body) {
        TelemetryIngest.Accepted a = ingest.receive(deviceId, token, body, "http");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deviceId", a.deviceId());
        out.put("ts", a.ts());
        out.put("values", a.values());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(out);
    }
}
