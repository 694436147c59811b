package civicgrid.duty.app;

import civicgrid.cases.CaseChanged;
import civicgrid.cases.CasePoint;
import civicgrid.cases.CaseState;
import civicgrid.cases.CasesApi;
import civicgrid.duty.domain.FrontageReach;
import civicgrid.duty.persistence.FrontageStore;
import civicgrid.platform.CivicGridException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * The frontage ledger (门前三包): when a case is registered, the nearest frontage-duty shop within
 * reach of its point (in the case's street) gets it on its record; the record is listed per shop.
 */
@Service
public class FrontageLedger {

    private static final Logger log = LoggerFactory.getLogger(FrontageLedger.class);
    public static final int MAX_ENTRIES = 500;
    private final FrontageStore store;
    private final CasesApi cases;
    private final RegisterAccess access;
    private final FrontageReach reach;

    FrontageLedger(FrontageStore store, CasesApi cases, RegisterAccess access, DutyProperties properties) {
        this.store = store;
        this.cases = cases;
        this.access = access;
        this.reach = new FrontageReach(properties.frontageReachMeters());
    }

    /** A case that became registered (by hand, on arrival from a trusted channel, perhaps dispatched in the same step) joins the record of the shop it is in front of. */
    @ApplicationModuleListener
    void on(CaseChanged change) {
        if (!registeredNow(change) || change.streetCode() == null) {
            return;
        }
        cases.point(change.caseId()).ifPresent(p -> link(p, change.streetCode(), change.gridCode(), change));
    }

    /**
     * The change took the case from before registration (new, reported, verified) to registered or past it: one
     * change may register and dispatch at once (routing certain, trusted channels), and the event names its last step.
     */
    static boolean registeredNow(CaseChanged change) {
        boolean before = change.from() == null || change.from() == CaseState.REPORTED || change.from() == CaseState.VERIFIED;
        boolean after = change.to().open() && change.to() != CaseState.REPORTED && change.to() != CaseState.VERIFIED;
        return before && after;
    }

    private void link(CasePoint p, String streetCode, String gridCode, CaseChanged change) {
        double dLat = reach.boxDegreesLat();
        double dLon = reach.boxDegreesLon(p.lat());
        List<FrontageReach.Shop> near = store.shopsIn(streetCode, p.lon() - dLon, p.lat() - dLat, p.lon() + dLon, p.lat() + dLat);
        reach.shopFor(p.lon(), p.lat(), near).ifPresent(m -> {
            if (store.link(m.shopId(), UUID.fromString(p.id()), p.number(), p.category(), gridCode, p.lon(), p.lat(), m.meters(),
                    change.at())) {
                log.debug("Case {} recorded on the frontage of shop {} ({} m)", p.number(), m.shopId(), Math.round(m.meters()));
            }
        });
    }

    public record ShopRecord(long shopId, String name, String address, String gridCode, boolean frontageDuty,
                             List<FrontageStore.Entry> items) {
    }

    /** A shop's record, newest first, for viewers of the shop's grid (403 outside it, 404 for no such shop). */
    public ShopRecord record(long shopId) {
        Optional<FrontageStore.Shop> found = store.shop(shopId);
        if (found.isEmpty()) {
            throw CivicGridException.notFound("SHOP_NOT_FOUND", "No enterprise " + shopId + " in the registers.");
        }
        FrontageStore.Shop shop = found.get();
        access.requireViewer(shop.gridCode());
        return new ShopRecord(shop.id(), shop.name(), shop.address(), shop.gridCode(), shop.frontageDuty(),
                store.record(shop.id(), MAX_ENTRIES));
    }
}
