package civicgrid.duty.app;

import civicgrid.audit.AuditApi;
import civicgrid.duty.ForceMember;
import civicgrid.duty.ForcePositions;
import civicgrid.duty.persistence.PositionStore;
import civicgrid.geo.GeoApi;
import civicgrid.geo.Location;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.PersonalData;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grid workers on the map: a worker's consent (a toggle on the phone), the positions the phone
 * reports while it is on, the purge of old positions, and the forces layer for the centers.
 */
@Service
public class Positions {

    private static final Logger log = LoggerFactory.getLogger(Positions.class);
    /** At most this many members on the layer at once (a district's workers on duty fit). */
    public static final int MAX_FORCES = 5000;
    private final PositionStore store;
    private final IdentityApi identity;
    private final GeoApi geo;
    private final AuditApi audit;
    private final DutyProperties properties;
    private final Clock clock;
    private final List<ForcePositions> sources;

    Positions(PositionStore store, IdentityApi identity, GeoApi geo, AuditApi audit, DutyProperties properties, Clock clock,
              List<ForcePositions> sources) {
        this.store = store;
        this.identity = identity;
        this.geo = geo;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.sources = sources;
    }

    public record Consent(boolean consented, long retentionHours) {
    }

    public Consent consent() {
        CurrentUser worker = identity.requireRole(Role.GRID_WORKER);
        return new Consent(store.consented(worker.id().value()), properties.positionRetention().toHours());
    }

    /** Turns position reporting on or off; off deletes the worker's stored positions at once. */
    @Transactional
    public Consent setConsent(boolean consented) {
        CurrentUser worker = identity.requireRole(Role.GRID_WORKER);
        store.setConsent(worker.id().value(), worker.username(), consented, clock.instant());
        int deleted = consented ? 0 : store.deleteOf(worker.id().value());
        audit.record(consented ? "DUTY_POSITION_CONSENT_GIVEN" : "DUTY_POSITION_CONSENT_WITHDRAWN", "USER", worker.id().toString(), null,
                Map.of("positionsDeleted", deleted));
        return new Consent(consented, properties.positionRetention().toHours());
    }

    /** Stores one position of the signed-in worker: only with consent, only inside their territory. */
    @Transactional
    public void report(Double lon, Double lat, Double accuracy) {
        CurrentUser worker = identity.requireRole(Role.GRID_WORKER);
        if (lon == null || lat == null) {
            throw CivicGridException.badRequest("INVALID_COORDINATES", "Send lon and lat.");
        }
        GeoApi.requireValidCoordinates(lon, lat);
        if (accuracy != null && (accuracy.isNaN() || accuracy < 0 || accuracy > 100_000)) {
            throw CivicGridException.badRequest("INVALID_ACCURACY", "accuracy is in meters, 0 to 100000.");
        }
        if (!store.consented(worker.id().value())) {
            throw CivicGridException.conflict("NO_POSITION_CONSENT", "Turn on position sharing on your phone first.");
        }
        Optional<Location> where = geo.locate(lon, lat);
        if (where.isEmpty() || !worker.sees(where.get().grid().code())) {
            // a worker off their territory is off duty there: nothing is stored
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This position lies outside your territory; it was not stored.");
        }
        store.insert(worker.id().value(), worker.username(), worker.displayName(), where.get().grid().code(), lon, lat, accuracy,
                clock.instant());
    }

    /**
     * The forces on duty in a unit of the viewer (street and district centers, the city, administrators,
     * leaders): every source's latest positions, names masked for roles that do not see personal data.
     */
    public List<ForceMember> forces(String unit) {
        String prefix = RegisterAccess.gridPrefix(unit);
        identity.requireRole(Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR, Role.LEADER, Role.ADMINISTRATOR);
        CurrentUser viewer = identity.requireInScope(unit);
        PersonalData.Masker mask = PersonalData.forViewerIn(viewer, unit);
        Instant since = clock.instant().minus(properties.positionFreshness());
        List<ForceMember> out = new ArrayList<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (ForcePositions source : sources) {
            for (ForceMember m : source.latest(prefix, since, MAX_FORCES)) {
                String unitName = m.unitName() != null ? m.unitName() : names.computeIfAbsent(m.unitCode(), c -> UnitCode.isValid(c)
                        ? geo.unit(UnitCode.of(c)).map(TerritoryUnit::name).orElse(null) : null);
                out.add(new ForceMember(m.kind(), m.key(), mask.name(m.name()), m.unitCode(), unitName, m.lon(), m.lat(), m.accuracyMeters(), m.at()));
            }
        }
        out.sort(Comparator.comparing(ForceMember::at).reversed());
        return out.size() > MAX_FORCES ? out.subList(0, MAX_FORCES) : out;
    }

    /** Deletes positions older than the retention; returns how many. */
    public int purge() {
        int deleted = store.purgeBefore(clock.instant().minus(properties.positionRetention()));
        if (deleted > 0) {
            log.info("Purged {} grid worker positions older than {}", deleted, properties.positionRetention());
        }
        return deleted;
    }
}
