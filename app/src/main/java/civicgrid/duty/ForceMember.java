package civicgrid.duty;

import java.time.Instant;

/**
 * One member of the grid forces on the map: a grid worker on duty today; the response module's unit
 * members join through {@link ForcePositions}.
 *
 * @param kind what the member is (GRID_WORKER; RESPONSE_MEMBER once response contributes)
 * @param key a stable key of the member for the page (no account name, no personal data)
 * @param name the member's name in clear; the forces endpoint masks it for roles that do not need it
 * @param unitCode the territory unit the member serves (a grid code for workers)
 * @param unitName its name (sources may leave it null: the forces endpoint names it)
 * @param at when the position was reported
 */
public record ForceMember(String kind, String key, String name, String unitCode, String unitName, double lon, double lat, Double accuracyMeters,
                          Instant at) {
}
