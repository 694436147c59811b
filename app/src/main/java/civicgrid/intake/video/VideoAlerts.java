package civicgrid.intake.video;

import civicgrid.audit.AuditApi;
import civicgrid.cases.CaseChanged;
import civicgrid.cases.CaseId;
import civicgrid.cases.CaseState;
import civicgrid.cases.CaseView;
import civicgrid.cases.Channel;
import civicgrid.cases.ChannelIntake;
import civicgrid.cases.NewReport;
import civicgrid.geo.GeoApi;
import civicgrid.geo.Location;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AI video alerts: checked against the camera registry, folded into the open case of the same camera,
 * algorithm and place, otherwise turned into a case (joining another channel's report of the same
 * problem) that is dispatched at once only when the algorithm has proven itself on that camera.
 */
@Service
class VideoAlerts {

    private static final Pattern URL = Pattern.compile("https?://[^\\s]{1,990}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,60}");
    static final Set<Role> JUDGES = Set.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR,
            Role.CITY_OPERATOR, Role.ADMINISTRATOR);

    private final VideoStore store;
    private final ChannelIntake intake;
    private final GeoApi geo;
    private final IdentityApi identity;
    private final AuditApi audit;
    private final VideoProperties properties;
    private final AlertPolicy policy;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean demo;

    VideoAlerts(VideoStore store, ChannelIntake intake, GeoApi geo, IdentityApi identity, AuditApi audit, VideoProperties properties,
                TransactionTemplate tx, Clock clock,
                @org.springframework.beans.factory.annotation.Value("${civicgrid.demo.enabled:true}") boolean demo) {
        this.store = store;
        this.intake = intake;
        this.geo = geo;
        this.identity = identity;
        this.audit = audit;
        this.properties = properties;
        this.policy = properties.policy();
        this.tx = tx;
        this.clock = clock;
        this.demo = demo;
    }

    record AlertIn(String alertId, String cameraId, String algorithm, Instant ts, double lon, double lat, double confidence,
                   String snapshotUrl) {
    }

    /** What became of an alert; {@code replayed} when the alert id was seen before. */
    record AlertOut(String alertId, String outcome, String caseId, String caseNumber, String routing, Double precision, String why,
                    boolean replayed) {
    }

    void requireKey(String apiKey) {
        civicgrid.intake.channel.ChannelKeys.require(apiKey, properties.apiKeys(), demo, "demo-video-key", "the video platform");
    }

    AlertOut receive(AlertIn in) {
        Optional<VideoStore.Alert> seen = store.alert(in.alertId());
        if (seen.isPresent()) {
            return replay(seen.get());
        }
        VideoStore.Camera camera = store.camera(in.cameraId()).filter(VideoStore.Camera::active).orElseThrow(() ->
                CivicGridException.badRequest("UNKNOWN_CAMERA", "No active camera " + in.cameraId() + " in the registry."));
        VideoStore.Algorithm algorithm = store.algorithm(in.algorithm()).orElseThrow(() -> CivicGridException.badRequest(
                "UNKNOWN_ALGORITHM", "No algorithm " + in.algorithm() + "; known: " + store.algorithms().stream()
                        .map(VideoStore.Algorithm::code).toList() + "."));
        if (!camera.algorithms().contains(algorithm.code())) {
            throw CivicGridException.badRequest("ALGORITHM_NOT_ENABLED", "Algorithm " + algorithm.code() + " is not enabled on camera "
                    + camera.id() + ".");
        }
        if (in.ts().isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw CivicGridException.badRequest("TS_IN_FUTURE", "The alert's ts lies in the future.");
        }
        Location where = geo.locate(in.lon(), in.lat()).orElseThrow(() -> CivicGridException.badRequest("LOCATION_OUTSIDE_CITY",
                "The alert's point is outside the city."));
        Instant now = clock.instant();
        try {
            return tx.execute(status -> decide(in, where, camera, algorithm, now));
        } catch (AlreadyRecorded raced) {
            return replay(store.alert(in.alertId()).orElseThrow());
        }
    }

    private AlertOut decide(AlertIn in, Location where, VideoStore.Camera camera, VideoStore.Algorithm algorithm, Instant now) {
        if (!policy.confident(in.confidence())) {
            claim(in, null, "DISCARDED", null, now);
            return new AlertOut(in.alertId(), "DISCARDED", null, null, null, null,
                    "confidence " + in.confidence() + " below " + properties.minConfidence(), false);
        }
        for (VideoStore.Alert earlier : store.recentWithCase(camera.id(), algorithm.code(), in.ts().minus(properties.foldWindow()))) {
            Optional<CaseView> open = intake.status(new CaseId(earlier.caseId())).filter(v -> v.state().open());
            if (open.isPresent() && policy.folds(earlier.ts(), earlier.lon(), earlier.lat(), in.ts(), in.lon(), in.lat())) {
                claim(in, earlier.caseId(), "FOLDED", earlier.routing(), now);
                return new AlertOut(in.alertId(), "FOLDED", open.get().id(), open.get().number(), earlier.routing(), null,
                        "repeats alert " + earlier.alertId() + " of the same camera and algorithm", false);
            }
        }
        VideoStore.Tally tally = store.tally(camera.id(), algorithm.code(), now.minus(properties.precisionWindow()));
        AlertPolicy.Decision decision = policy.route(tally.truePositives(), tally.falsePositives());
        String text = String.format("AI视频告警：%s（摄像头 %s %s，置信度 %.2f）", algorithm.nameZh(), camera.id(), camera.name(),
                in.confidence());
        ChannelIntake.Outcome outcome = intake.report(new NewReport(algorithm.categoryCode(), text, in.lon(), in.lat(), algorithm.urgent(),
                Channel.VIDEO_AI).locatedAt(where), new ChannelIntake.Source("camera:" + camera.id(), Channel.VIDEO_AI,
                decision.route() == AlertPolicy.Route.AUTO), true);
        String kind = outcome.joined() ? "JOINED" : "NEW_CASE";
        claim(in, java.util.UUID.fromString(outcome.caseView().id()), kind, decision.route().name(), now);
        return new AlertOut(in.alertId(), kind, outcome.caseView().id(), outcome.caseView().number(), decision.route().name(),
                decision.precision(), decision.why(), false);
    }

    private void claim(AlertIn in, java.util.UUID caseId, String outcome, String routing, Instant now) {
        boolean first = store.insert(new VideoStore.Alert(in.alertId(), in.cameraId(), in.algorithm(), in.ts(), in.lon(), in.lat(),
                in.confidence(), in.snapshotUrl(), caseId, outcome, routing, null, now));
        if (!first) {
            throw new AlreadyRecorded();
        }
    }

    /** Another request recorded the same alert id first: roll this one back and answer with that one. */
    private static final class AlreadyRecorded extends RuntimeException {
        AlreadyRecorded() {
            super(null, null, false, false);
        }
    }

    private AlertOut replay(VideoStore.Alert a) {
        String number = a.caseId() == null ? null : intake.status(new CaseId(a.caseId())).map(CaseView::number).orElse(null);
        return new AlertOut(a.alertId(), a.outcome(), a.caseId() == null ? null : a.caseId().toString(), number, a.routing(), null,
                "already received", true);
    }

    // ---- operators' verdicts and the precision they give

    void judge(String alertId, boolean truePositive, String reason) {
        CurrentUser user = identity.requireCurrentUser();
        if (!JUDGES.contains(user.role())) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Operators and grid staff judge alerts.");
        }
        VideoStore.Alert alert = store.alert(alertId).orElseThrow(() -> CivicGridException.notFound("ALERT_NOT_FOUND",
                "No alert " + alertId + "."));
        VideoStore.Camera camera = store.camera(alert.cameraId()).orElseThrow();
        if (!user.sees(camera.gridCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This camera is outside your territory.");
        }
        tx.executeWithoutResult(status -> {
            store.judge(alertId, truePositive, user.username(), clock.instant());
            audit.record("VIDEO_ALERT_JUDGED", "VIDEO_ALERT", alertId, reason == null ? (truePositive ? "true alert" : "false alert") : reason,
                    Map.of("truePositive", truePositive, "camera", alert.cameraId(), "algorithm", alert.algorithm()));
        });
    }

    /** A person verified or invalidated a case on site: the alerts behind it take that verdict, unless judged already. */
    @EventListener
    void onCaseDecided(CaseChanged change) {
        boolean verified = change.from() == CaseState.REPORTED && change.to() != CaseState.REPORTED && change.to() != CaseState.INVALID
                && change.to() != CaseState.MERGED;
        boolean invalidated = change.to() == CaseState.INVALID;
        if (verified || invalidated) {
            store.judgeCase(change.caseId().value(), verified, "case " + change.action().name().toLowerCase(java.util.Locale.ROOT),
                    change.at());
        }
    }

    /** Precision of each algorithm on each camera of the caller's territory, with its route now and its weeks. */
    List<Map<String, Object>> precision(String cameraId) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Precision figures are for the command centers.");
        }
        Instant since = clock.instant().minus(properties.precisionWindow());
        Map<String, VideoStore.Camera> cameras = new LinkedHashMap<>();
        store.cameras().stream().filter(c -> user.sees(c.gridCode())).filter(c -> cameraId == null || c.id().equals(cameraId))
                .forEach(c -> cameras.put(c.id(), c));
        if (cameraId != null && cameras.isEmpty()) {
            throw CivicGridException.notFound("CAMERA_NOT_FOUND", "No camera " + cameraId + " in your territory.");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (VideoStore.Tally t : store.tallies(since)) {
            if (!cameras.containsKey(t.cameraId())) {
                continue;
            }
            AlertPolicy.Decision d = policy.route(t.truePositives(), t.falsePositives());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cameraId", t.cameraId());
            row.put("algorithm", t.algorithm());
            row.put("alerts", t.alerts());
            row.put("truePositives", t.truePositives());
            row.put("falsePositives", t.falsePositives());
            row.put("precision", d.precision());
            row.put("routing", d.route().name());
            row.put("why", d.why());
            row.put("weeks", store.weekly(t.cameraId(), t.algorithm(), since));
            out.add(row);
        }
        return out;
    }

    // ---- the camera registry

    List<VideoStore.Camera> cameras() {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "The camera registry is for the command centers.");
        }
        return store.cameras().stream().filter(c -> user.sees(c.gridCode())).toList();
    }

    List<VideoStore.Algorithm> algorithms() {
        return store.algorithms();
    }

    record CameraIn(String id, String name, double lon, double lat, String owner, List<String> algorithms, Boolean active) {
    }

    VideoStore.Camera saveCamera(CameraIn in) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() != Role.ADMINISTRATOR && user.role() != Role.DISTRICT_OPERATOR && user.role() != Role.CITY_OPERATOR) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "District and city centers keep the camera registry.");
        }
        if (in.id() == null || !ID.matcher(in.id()).matches()) {
            throw CivicGridException.badRequest("INVALID_CAMERA_ID", "A camera id is 1 to 60 letters, digits, '.', '_', ':' or '-'.");
        }
        GeoApi.requireValidCoordinates(in.lon(), in.lat());
        Location where = geo.locate(in.lon(), in.lat()).orElseThrow(() -> CivicGridException.badRequest("LOCATION_OUTSIDE_CITY",
                "The camera's point is outside the city."));
        if (!user.sees(where.grid().code())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This point is outside your territory.");
        }
        Set<String> known = new LinkedHashSet<>(store.algorithms().stream().map(VideoStore.Algorithm::code).toList());
        if (in.algorithms() == null || in.algorithms().isEmpty() || !known.containsAll(in.algorithms())) {
            throw CivicGridException.badRequest("UNKNOWN_ALGORITHM", "Enable one or more of " + known + ".");
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 120 || in.owner() == null || in.owner().isBlank()
                || in.owner().length() > 120) {
            throw CivicGridException.badRequest("INVALID_CAMERA", "A camera needs a name and an owner (at most 120 characters each).");
        }
        store.camera(in.id()).ifPresent(existing -> {
            if (!user.sees(existing.gridCode())) {
                throw CivicGridException.forbidden("OUT_OF_SCOPE", "This camera is outside your territory.");
            }
        });
        VideoStore.Camera camera = new VideoStore.Camera(in.id(), in.name().strip(), in.lon(), in.lat(), where.grid().code(),
                in.owner().strip(), new LinkedHashSet<>(in.algorithms()), in.active() == null || in.active());
        tx.executeWithoutResult(status -> {
            store.saveCamera(camera, clock.instant());
            audit.record("CAMERA_SAVED", "CAMERA", camera.id(), "camera registry", Map.of("algorithms", String.join(",", camera.algorithms()),
                    "grid", camera.gridCode(), "active", camera.active()));
        });
        return camera;
    }

    static boolean validUrl(String url) {
        return url == null || URL.matcher(url).matches();
    }
}
