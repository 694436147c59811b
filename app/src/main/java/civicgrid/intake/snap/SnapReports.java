package civicgrid.intake.snap;

import civicgrid.cases.CaseId;
import civicgrid.cases.CaseState;
import civicgrid.cases.CaseView;
import civicgrid.cases.Channel;
import civicgrid.cases.ChannelIntake;
import civicgrid.cases.NewReport;
import civicgrid.catalog.Category;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.intake.Classifier;
import civicgrid.intake.channel.PublicCategories;
import civicgrid.platform.CivicGridException;
import civicgrid.platform.photos.PhotoScrubber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Residents' snap-and-report (随手拍): a photo or a few, a place, a sentence; back comes a tracking
 * number and a code to follow the case with and, once it is closed, to rate it. Limits per device and
 * per signed-in account keep one phone from flooding the centre.
 */
@Service
class SnapReports {

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final char[] CODE_CHARS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Steps whose words a resident sees: what the handler did, why it was closed or refused. */
    private static final Set<String> TOLD_STEPS = Set.of("REPORT_BACK", "CLOSE", "INVALIDATE", "EVALUATE");

    private final ChannelIntake intake;
    private final SnapStore store;
    private final Classifier classifier;
    private final PublicCategories categories;
    private final IdentityApi identity;
    private final SnapProperties properties;
    private final SnapLimits limits;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PhotoScrubber scrubber = new PhotoScrubber();

    SnapReports(ChannelIntake intake, SnapStore store, Classifier classifier, PublicCategories categories, IdentityApi identity,
                SnapProperties properties, SnapLimits limits, TransactionTemplate tx, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.classifier = classifier;
        this.categories = categories;
        this.identity = identity;
        this.properties = properties;
        this.limits = limits;
        this.tx = tx;
        this.clock = clock;
    }

    record Photo(String filename, byte[] content) {
    }

    /** @param alsoSeen the resident adds to an open report shown near them ("我也遇到了"): join it however old it is */
    record Submission(String deviceId, String description, Double lon, Double lat, String category, List<Photo> photos,
                      boolean alsoSeen) {
    }

    /** One of a signed-in resident's reports, for their list (the details come with {@link #status}). */
    record MyReport(String number, String state, boolean open, String category, String categoryNameZh, String categoryNameEn,
                    Instant reportedAt, boolean joined) {
    }

    record Receipt(String number, String trackingCode, String state, String category, String categoryName, boolean joined) {
    }

    record Step(String action, String state, Instant at, String note) {
    }

    record Status(String number, String state, boolean open, String category, String categoryNameZh, String categoryNameEn,
                  String description, String district, String street, Instant reportedAt, Instant deadline,
                  Instant closedAt, List<Step> steps, Integer rating, boolean canRate, int photos) {
    }

    /** Takes a report from a client address (see {@link SnapLimits}); a refused report does not count against it. */
    Receipt submit(Submission s, String address) {
        String device = device(s.deviceId());
        Optional<CurrentUser> user = identity.currentUser().filter(u -> u.role() == Role.CITIZEN);
        if (s.description() == null || s.description().isBlank() || s.description().length() > 500) {
            throw CivicGridException.badRequest("INVALID_DESCRIPTION", "Describe the problem in 1 to 500 characters.");
        }
        if (s.lon() == null || s.lat() == null) {
            throw CivicGridException.badRequest("LOCATION_REQUIRED", "Give the place: use the phone's location or tap the map.");
        }
        if (s.photos().size() > properties.maxPhotos()) {
            throw CivicGridException.badRequest("TOO_MANY_PHOTOS", "Send at most " + properties.maxPhotos() + " photos.");
        }
        Instant now = clock.instant();
        limit(store.byDevice(device, now.minus(Duration.ofHours(1))), store.byDevice(device, now.minus(Duration.ofDays(1))), "device");
        user.ifPresent(u -> limit(store.byAccount(u.username(), now.minus(Duration.ofHours(1))),
                store.byAccount(u.username(), now.minus(Duration.ofDays(1))), "account"));
        Runnable giveBack = limits.takeReport(address);
        try {
            return accept(s, device, user, now);
        } catch (RuntimeException refused) {
            giveBack.run();
            throw refused;
        }
    }

    private Receipt accept(Submission s, String device, Optional<CurrentUser> user, Instant now) {
        List<PhotoScrubber.Scrubbed> clean = new ArrayList<>();
        for (Photo p : s.photos()) {
            clean.add(scrubber.scrubUpload(p.content()));
        }
        Category category = s.category() == null || s.category().isBlank()
                ? categories.find(best(s.description())).orElseGet(() -> categories.find("E0101").orElseThrow())
                : categories.find(s.category().strip()).orElseThrow(() -> CivicGridException.badRequest("UNKNOWN_CATEGORY",
                        "No category " + s.category() + " for residents' reports."));
        String reporter = user.map(CurrentUser::username).orElse("device:" + device);
        String code = code();
        ChannelIntake.Outcome outcome = tx.execute(status -> {
            NewReport report = new NewReport(category.code(), s.description().strip(), s.lon(), s.lat(), false, Channel.CITIZEN);
            ChannelIntake.Source source = new ChannelIntake.Source(reporter, Channel.CITIZEN, false);
            ChannelIntake.Outcome o = s.alsoSeen() ? intake.alsoSeen(report, source) : intake.report(report, source, true);
            CaseId id = CaseId.parse(o.caseView().id());
            for (int i = 0; i < clean.size(); i++) {
                intake.attach(id, "snap-" + (i + 1) + (clean.get(i).type().equals("image/png") ? ".png" : ".jpg"), clean.get(i).content(),
                        reporter);
            }
            store.add(id.value(), reporter, device, user.map(CurrentUser::username).orElse(null), hash(code), o.joined(), now);
            return o;
        });
        CaseView v = outcome.caseView();
        return new Receipt(v.number(), code, v.state().name(), v.category().code(), v.category().nameZh(), outcome.joined());
    }

    /** The signed-in resident's own reports, newest first (the last 50); none for anybody else. */
    List<MyReport> mine() {
        Optional<CurrentUser> user = identity.currentUser().filter(u -> u.role() == Role.CITIZEN);
        if (user.isEmpty()) {
            return List.of();
        }
        List<MyReport> out = new ArrayList<>();
        for (SnapStore.Submission s : store.ofAccount(user.get().username(), 50)) {
            intake.status(new CaseId(s.caseId())).ifPresent(v -> out.add(new MyReport(v.number(), v.state().name(), v.state().open(),
                    v.category().code(), v.category().nameZh(), v.category().nameEn(), v.reportedAt(), s.joined())));
        }
        return out;
    }

    Status status(String number, String code, String address) {
        Access access = access(number, code, address);
        CaseView v = access.view();
        List<Step> steps = new ArrayList<>();
        for (Map<String, Object> h : intake.history(CaseId.parse(v.id()))) {
            String action = String.valueOf(h.get("action"));
            Object at = h.get("at");
            Instant when = at instanceof java.sql.Timestamp t ? t.toInstant() : at instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
            steps.add(new Step(action, String.valueOf(h.get("to_state")), when,
                    TOLD_STEPS.contains(action) && h.get("reason") != null ? String.valueOf(h.get("reason")) : null));
        }
        Integer rating = v.figures() == null ? null : v.figures().rating();
        boolean canRate = v.state() == CaseState.CLOSED && access.firstReporter();
        return new Status(v.number(), v.state().name(), v.state().open(), v.category().code(), v.category().nameZh(), v.category().nameEn(),
                v.description(), v.place().districtName(), v.place().streetName(), v.reportedAt(),
                v.stage() == null ? null : v.stage().deadline(), v.closedAt(), steps, rating, canRate, intake.attachmentCount(CaseId.parse(v.id())));
    }

    Status rate(String number, String code, int rating, String comment, String address) {
        if (rating < 1 || rating > 5) {
            throw CivicGridException.badRequest("INVALID_RATING", "Rate from 1 to 5.");
        }
        if (comment != null && comment.length() > 500) {
            throw CivicGridException.badRequest("INVALID_COMMENT", "A comment has at most 500 characters.");
        }
        Access access = access(number, code, address);
        if (!access.firstReporter()) {
            throw CivicGridException.conflict("RATED_BY_FIRST_REPORTER", "Your report joined a case someone reported first; they rate it.");
        }
        intake.rate(CaseId.parse(access.view().id()), access.reporter(), rating, comment);
        return status(number, code, address);
    }

    /** Top-3 categories for a text as a resident types it (public categories only). */
    List<Map<String, Object>> suggest(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var s : classifier.classify(text, 10).suggestions()) {
            if (PublicCategories.isPublic(s.category()) && out.size() < 3) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("category", s.category());
                m.put("score", s.score());
                m.put("nameZh", s.nameZh());
                m.put("nameEn", s.nameEn());
                out.add(m);
            }
        }
        return out;
    }

    private record Access(CaseView view, String reporter, boolean firstReporter) {
    }

    /**
     * The tracking code (or the signed-in resident who reported it) opens the case; anything else looks
     * like no case, and counts against the address and the number (a signed-in caller needs no code and
     * is not counted per number, so guessers cannot shut the reporter out of their own report).
     */
    private Access access(String number, String code, String address) {
        Optional<String> account = identity.currentUser().map(CurrentUser::username);
        String counted = account.isPresent() ? null : number;
        // a signed-in caller is counted as the account it is, wherever it calls from
        String caller = account.map(a -> "account:" + a).orElse(address);
        limits.checkLookup(caller, counted);
        CivicGridException notFound = CivicGridException.notFound("REPORT_NOT_FOUND", "No report " + number + " with this tracking code.");
        Optional<CaseView> found = intake.statusByNumber(number);
        String hashed = code == null ? null : hash(code.strip().toUpperCase(java.util.Locale.ROOT));
        Optional<SnapStore.Submission> mine = found.flatMap(v -> store.ofCase(UUID.fromString(v.id())).stream()
                .filter(s -> s.codeHash().equals(hashed) || account.isPresent() && s.reporter().equals(account.get()))
                .findFirst());
        if (mine.isEmpty()) {
            limits.lookupFailed(caller, counted);
            throw notFound;
        }
        return new Access(found.get(), mine.get().reporter(), !mine.get().joined());
    }

    private String best(String text) {
        return suggest(text).stream().findFirst().map(m -> (String) m.get("category")).orElse("E0101");
    }

    private void limit(long lastHour, long lastDay, String who) {
        if (lastHour >= properties.perHour() || lastDay >= properties.perDay()) {
            throw new CivicGridException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REPORTS", "This " + who + " sent " + lastHour
                    + " reports in the last hour and " + lastDay + " today; the limits are " + properties.perHour() + " and "
                    + properties.perDay() + ". Please try again later or call 12345.");
        }
    }

    private static String device(String deviceId) {
        if (deviceId == null || !DEVICE.matcher(deviceId).matches()) {
            throw CivicGridException.badRequest("DEVICE_ID_REQUIRED", "Send the page's device id (8 to 64 letters, digits or '-').");
        }
        return deviceId;
    }

    private static String code() {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = CODE_CHARS[RANDOM.nextInt(CODE_CHARS.length)];
        }
        return new String(c);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
