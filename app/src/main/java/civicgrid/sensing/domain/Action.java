package civicgrid.sensing.domain;

import java.util.Objects;

/** What raising an alarm sets off, as data. */
public sealed interface Action {

    /** Where an opened case goes first. */
    enum RouteTo {
        /** the grid worker of the device's grid */
        GRID,
        /** the district command center, which routes it by its plan to the street and on to the nearest worker */
        DISTRICT
    }

    /** A command to the device's actuator (a fan), sent with an id over MQTT. */
    record Command(String command) implements Action {
        public Command {
            Objects.requireNonNull(command);
        }
    }

    /** A case through the IoT channel of the closed loop. */
    record OpenCase(String categoryCode, boolean urgent, RouteTo routeTo) implements Action {
        public OpenCase {
            Objects.requireNonNull(categoryCode);
            Objects.requireNonNull(routeTo);
        }
    }

    /** A signed call to another service (the traffic police's escort), named by its configured target. */
    record Webhook(String target) implements Action {
        public Webhook {
            Objects.requireNonNull(target);
        }
    }
}
