package civicgrid.sensing;

import civicgrid.sensing.app.SensingEngine;
import org.springframework.stereotype.Service;

/** What other modules may ask of sensing. */
@Service
public class SensingApi {

    private final SensingEngine engine;

    SensingApi(SensingEngine engine) {
        this.engine = engine;
    }

    /** Devices the rule engine of this node watches. */
    public int watchedDevices() {
        return engine.deviceCount();
    }
}
