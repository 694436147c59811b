package civicgrid.intake;

import civicgrid.audit.AuditApi;
import civicgrid.catalog.CatalogApi;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.intake.classify.Corpus;
import civicgrid.intake.classify.Gazetteer;
import civicgrid.intake.classify.LabelledText;
import civicgrid.intake.classify.ReportClassifier;
import civicgrid.intake.classify.TextFeatures;
import civicgrid.intake.persistence.FeedbackStore;
import civicgrid.platform.CivicGridException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suggests a report's category, the places it names and its urgency, for every intake channel and
 * for operators. Trained at start-up on the shipped corpus plus operators' corrections; a
 * correction retrains at once on this node; other nodes look for new corrections once a minute.
 */
@Service
public class Classifier {

    private static final Logger log = LoggerFactory.getLogger(Classifier.class);
    /** A correction counts as much as three corpus texts: it is what this city's operators decided. */
    static final double CORRECTION_WEIGHT = 3;
    static final int MAX_TEXT = 2000;

    private final CatalogApi catalog;
    private final GeoApi geo;
    private final IdentityApi identity;
    private final FeedbackStore feedback;
    private final AuditApi audit;
    private final TransactionTemplate transactions;
    private final TextFeatures features = new TextFeatures();
    private final AtomicLong trainedOnFeedback = new AtomicLong(-1);
    private static final long REFRESH_NANOS = 60_000_000_000L;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();
    private final Object retraining = new Object();
    private volatile ReportClassifier current;
    private volatile long checkedAt;
    private volatile Gazetteer gazetteer;

    Classifier(CatalogApi catalog, GeoApi geo, IdentityApi identity, FeedbackStore feedback, AuditApi audit,
               TransactionTemplate transactions) {
        this.transactions = transactions;
        this.audit = audit;
        this.catalog = catalog;
        this.geo = geo;
        this.identity = identity;
        this.feedback = feedback;
    }

    /** Classifies a report's text; {@code limit} suggestions (3 to 10). */
    public Classification classify(String text, int limit) {
        if (text == null || text.isBlank()) {
            throw CivicGridException.badRequest("TEXT_REQUIRED", "Give the report's text to classify.");
        }
        if (text.length() > MAX_TEXT) {
            throw CivicGridException.badRequest("TEXT_TOO_LONG", "A report's text has at most " + MAX_TEXT + " characters.");
        }
        if (limit < 3 || limit > 10) {
            throw CivicGridException.badRequest("INVALID_LIMIT", "Ask for 3 to 10 suggestions.");
        }
        return model().classify(text, limit);
    }

    /** An operator's decision on a text's category: stored and audited now, learned by a retraining in the background (seconds). */
    public void correct(String text, String categoryCode) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN || user.role().readOnly()) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Operators and handlers correct categories.");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw CivicGridException.badRequest("INVALID_TEXT", "Give the text (1 to " + MAX_TEXT + " characters) you classified.");
        }
        catalog.requireActiveCategory(categoryCode);
        transactions.executeWithoutResult(status -> {
            feedback.add(text.strip(), categoryCode, user.username());
            audit.record("CLASSIFICATION_CORRECTED", "CATEGORY", categoryCode, "operator's category for a report text",
                    Map.of("text", text.strip()));
        });
        CompletableFuture.runAsync(this::retrain);
    }

    /** The places a text names (also used to place an Open311 request that has only an address); needs no trained model. */
    public List<Gazetteer.Mention> places(String text) {
        return gazetteer().find(text);
    }

    /** Trains in the background once the application is up, so the first report does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        CompletableFuture.runAsync(this::model);
    }

    private ReportClassifier model() {
        ReportClassifier model = current;
        if (model == null) {
            synchronized (this) {
                if (current == null) {
                    current = build();
                    checkedAt = System.nanoTime();
                }
                return current;
            }
        }
        refreshIfOthersCorrected();
        return model;
    }

    /** Corrections made on other nodes: at most once a minute, look whether the stored feedback grew, and retrain aside. */
    private void refreshIfOthersCorrected() {
        long now = System.nanoTime();
        long last = checkedAt;
        if (now - last > REFRESH_NANOS && refreshing.compareAndSet(false, true)) {
            checkedAt = now;
            CompletableFuture.runAsync(() -> {
                try {
                    if (feedback.count() != trainedOnFeedback.get()) {
                        retrain();
                    }
                } finally {
                    refreshing.set(false);
                }
            });
        }
    }

    /** One retraining at a time; corrections arriving meanwhile are picked up by the next one. */
    private void retrain() {
        synchronized (retraining) {
            ReportClassifier fresh = build();
            synchronized (this) {
                current = fresh;
            }
        }
    }

    private ReportClassifier build() {
        long started = System.nanoTime();
        Gazetteer places = gazetteer();
        List<LabelledText> texts = new ArrayList<>(Corpus.load().all());
        Map<LabelledText, Double> weights = new HashMap<>();
        List<LabelledText> corrections = feedback.all();
        for (LabelledText t : corrections) {
            texts.add(t);
            weights.put(t, CORRECTION_WEIGHT);
        }
        trainedOnFeedback.set(corrections.size());
        var model = ReportClassifier.train(features, places, texts, weights);
        log.info("Classifier trained on {} texts ({} corrections), {} features, in {} ms", texts.size(), corrections.size(),
                model.vocabularySize(), (System.nanoTime() - started) / 1_000_000);
        return new ReportClassifier(features, places, model, code -> catalog.category(code)
                .map(c -> new ReportClassifier.CategoryName(c.code(), c.majorCode(), c.nameZh(), c.nameEn())).orElse(null));
    }

    private Gazetteer gazetteer() {
        if (gazetteer == null) {
            List<Gazetteer.Unit> units = new ArrayList<>();
            for (TerritoryUnit district : geo.children(UnitCode.of("500000"))) {
                units.add(unit(district));
                for (TerritoryUnit street : geo.children(UnitCode.of(district.code()))) {
                    units.add(unit(street));
                    geo.children(UnitCode.of(street.code())).forEach(c -> units.add(unit(c)));
                }
            }
            gazetteer = new Gazetteer(units);
        }
        return gazetteer;
    }

    private static Gazetteer.Unit unit(TerritoryUnit u) {
        return new Gazetteer.Unit(u.code(), u.name(), u.level().name(), u.parentCode());
    }
}
