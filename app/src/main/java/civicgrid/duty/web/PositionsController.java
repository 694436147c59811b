package civicgrid.duty.web;

import civicgrid.duty.ForceMember;
import civicgrid.duty.app.Positions;
import civicgrid.platform.CivicGridException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Grid workers on the map: the phone's consent toggle and position reports, and the centers' forces layer. */
@RestController
@RequestMapping("/api/v1/duty")
class PositionsController {

    private final Positions positions;

    PositionsController(Positions positions) {
        this.positions = positions;
    }

    @GetMapping("/positions/consent")
    Positions.Consent consent() {
        return positions.consent();
    }

    record ConsentBody(Boolean consented) {
    }

    @PutMapping("/positions/consent")
    Positions.Consent setConsent(@RequestBody(required = false) ConsentBody body) {
        if (body == null || body.consented() == null) {
            throw CivicGridException.badRequest("INVALID_CONSENT", "Send {\"consented\": true} or {\"consented\": false}.");
        }
        return positions.setConsent(body.consented());
    }

    record PositionBody(Double lon, Double lat, Double accuracy) {
    }

    @PostMapping("/positions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void report(@RequestBody(required = false) PositionBody body) {
        if (body == null) {
            throw CivicGridException.badRequest("INVALID_COORDINATES", "Send lon and lat.");
        }
        positions.report(body.lon(), body.lat(), body.accuracy());
    }

    /** The forces on duty in a unit (grid workers' latest positions; other modules' members through {@code ForcePositions}). */
    @GetMapping("/forces")
    List<ForceMember> forces(@RequestParam String unit) {
        return positions.forces(unit);
    }
}
