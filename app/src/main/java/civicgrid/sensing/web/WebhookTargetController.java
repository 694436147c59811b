package civicgrid.sensing.web;

import civicgrid.sensing.app.WebhookTargets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators: the services rules call with a signed webhook (secrets are written, never shown). */
@RestController
class WebhookTargetController {

    private final WebhookTargets targets;

    WebhookTargetController(WebhookTargets targets) {
        this.targets = targets;
    }

    @GetMapping("/api/v1/sensing/webhook-targets")
    Map<String, Object> list() {
        return Map.of("items", targets.list());
    }

    /** Creates (201) or replaces (200) the target the rules call by {@code name}. */
    @PutMapping("/api/v1/sensing/webhook-targets/{name}")
    ResponseEntity<Map<String, Object>> put(@PathVariable String name, @RequestBody(required = false) WebhookTargets.Change in) {
        Map.Entry<Boolean, Map<String, Object>> r = targets.put(name, in);
        return ResponseEntity.status(r.getKey() ? HttpStatus.CREATED : HttpStatus.OK).body(r.getValue());
    }

    @DeleteMapping("/api/v1/sensing/webhook-targets/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, @RequestParam(required = false) String reason) {
        targets.delete(name, reason);
        return ResponseEntity.noContent().build();
    }
}
