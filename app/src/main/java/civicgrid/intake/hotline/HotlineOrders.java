package civicgrid.intake.hotline;

import civicgrid.cases.Channel;
import civicgrid.cases.ChannelIntake;
import civicgrid.cases.NewReport;
import civicgrid.catalog.CatalogApi;
import civicgrid.intake.Classification;
import civicgrid.intake.Classifier;
import civicgrid.intake.channel.AddressLocator;
import civicgrid.platform.CivicGridException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports 12345 work orders: each becomes a registered case (the hotline's operators have already
 * accepted it) or joins the open case of the same problem nearby; the order number makes the import
 * idempotent, so a batch replayed twice creates nothing new.
 */
@Service
class HotlineOrders {

    private static final Pattern ORDER_NO = Pattern.compile("[A-Za-z0-9_-]{1,54}");

    private final ChannelIntake intake;
    private final HotlineStore store;
    private final CatalogApi catalog;
    private final Classifier classifier;
    private final AddressLocator addresses;
    private final HotlineProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean demo;

    HotlineOrders(ChannelIntake intake, HotlineStore store, CatalogApi catalog, Classifier classifier, AddressLocator addresses,
                  HotlineProperties properties, TransactionTemplate tx, Clock clock,
                  @org.springframework.beans.factory.annotation.Value("${civicgrid.demo.enabled:true}") boolean demo) {
        this.intake = intake;
        this.store = store;
        this.catalog = catalog;
        this.classifier = classifier;
        this.addresses = addresses;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.demo = demo;
    }

    /** One work order as the hotline sends it; category and coordinates are optional (classified and located here). */
    record Order(String orderNo, Instant receivedAt, String category, String description, Double lon, Double lat, String address,
                 boolean urgent, String callerName, String callerPhone) {
    }

    record Imported(String orderNo, String outcome, String caseId, String caseNumber, String category, boolean classified) {
    }

    void requireKey(String apiKey) {
        civicgrid.intake.channel.ChannelKeys.require(apiKey, properties.apiKeys(), demo, "demo-hotline-key", "the hotline");
    }

    Imported importOrder(Order order) {
        if (order.orderNo() == null || !ORDER_NO.matcher(order.orderNo()).matches()) {
            throw CivicGridException.badRequest("INVALID_ORDER_NO", "orderNo is 1 to 54 letters, digits, '-' or '_'.");
        }
        var existing = store.find(order.orderNo());
        if (existing.isPresent()) {
            return duplicate(existing.get());
        }
        if (order.description() == null || order.description().isBlank() || order.description().length() > 2000) {
            throw CivicGridException.badRequest("INVALID_DESCRIPTION", "description is 1 to 2,000 characters.");
        }
        if (order.callerName() != null && order.callerName().length() > 60 || order.callerPhone() != null && order.callerPhone().length() > 40) {
            throw CivicGridException.badRequest("INVALID_CALLER", "callerName has at most 60 characters, callerPhone 40.");
        }
        double[] where = where(order);
        boolean classified = order.category() == null || order.category().isBlank();
        String category = classified ? best(order.description()) : catalog.requireActiveCategory(order.category().strip()).code();
        Instant received = order.receivedAt() == null ? clock.instant() : order.receivedAt();
        String text = "12345工单 " + order.orderNo() + "：" + order.description().strip();
        try {
            return tx.execute(status -> {
                ChannelIntake.Outcome o = intake.report(new NewReport(category, text.length() > 2000 ? text.substring(0, 2000) : text, where[0],
                        where[1], order.urgent(), Channel.HOTLINE_12345), new ChannelIntake.Source("12345:" + order.orderNo(),
                        Channel.HOTLINE_12345, false), true);
                String outcome = o.joined() ? "JOINED" : "CREATED";
                if (!store.insert(order.orderNo(), UUID.fromString(o.caseView().id()), outcome, received, order.callerName(),
                        order.callerPhone(), clock.instant())) {
                    throw new AlreadyImported();
                }
                return new Imported(order.orderNo(), outcome, o.caseView().id(), o.caseView().number(), category, classified);
            });
        } catch (AlreadyImported raced) {
            return duplicate(store.find(order.orderNo()).orElseThrow());
        }
    }

    private Imported duplicate(HotlineStore.Order existing) {
        var view = intake.status(new civicgrid.cases.CaseId(existing.caseId()));
        return new Imported(existing.orderNo(), "DUPLICATE", existing.caseId().toString(), view.map(v -> v.number()).orElse(null),
                view.map(v -> v.category().code()).orElse(null), false);
    }

    private double[] where(Order order) {
        if (order.lon() != null || order.lat() != null) {
            if (order.lon() == null || order.lat() == null) {
                throw CivicGridException.badRequest("LOCATION_INCOMPLETE", "Give both lon and lat, or an address.");
            }
            return new double[] {order.lon(), order.lat()};
        }
        if (order.address() == null || order.address().isBlank()) {
            throw CivicGridException.badRequest("LOCATION_REQUIRED", "Give lon and lat, or an address naming a district, street or community.");
        }
        if (order.address().length() > 500) {
            throw CivicGridException.badRequest("ADDRESS_TOO_LONG", "address has at most 500 characters.");
        }
        return addresses.locate(order.address()).orElseThrow(() -> CivicGridException.badRequest("ADDRESS_NOT_FOUND",
                "The address names no district, street or community of the city; give lon and lat."));
    }

    private String best(String description) {
        Classification c = classifier.classify(description, 3);
        return c.suggestions().get(0).category();
    }

    /** Another request imported the same order number first: roll this one back and answer with that one. */
    private static final class AlreadyImported extends RuntimeException {
        AlreadyImported() {
            super(null, null, false, false);
        }
    }
}
