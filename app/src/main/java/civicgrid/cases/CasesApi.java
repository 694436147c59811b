package civicgrid.cases;

import civicgrid.cases.app.CaseAttachments;
import civicgrid.cases.app.CaseViews;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.cases.domain.Actor;
import civicgrid.cases.domain.Assignment;
import civicgrid.cases.domain.CaseCommand;
import civicgrid.cases.domain.CaseFile;
import civicgrid.cases.domain.CaseRules;
import civicgrid.cases.persistence.CaseQueries;
import civicgrid.cases.persistence.CaseRatesQuery;
import civicgrid.cases.persistence.CaseScreenQuery;
import civicgrid.cases.persistence.CaseStatsQuery;
import civicgrid.cases.persistence.CaseRepository;
import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Department;
import civicgrid.catalog.TimeLimit;
import civicgrid.geo.GeoApi;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.PersonalData;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The closed loop as other modules and the web layer use it: report, act, read, queue. Who is
 * acting comes from identity; every answer is limited to the actor's territory.
 */
@Service
public class CasesApi {

    /** Reports of the same category within this distance and time are proposed as duplicates. */
    static final double DUPLICATE_METERS = 250;
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

    private final CaseWorkflow workflow;
    private final CaseViews views;
    private final CaseRepository cases;
    private final CaseQueries queries;
    private final IdentityApi identity;
    private final CatalogApi catalog;
    private final CaseRatesQuery ratesQuery;
    private final CaseAttachments attachments;
    private final CaseStatsQuery statsQuery;
    private final GeoApi geo;
    private final CaseScreenQuery screenQuery;
    private final Clock clock;

    CasesApi(CaseWorkflow workflow, CaseViews views, CaseRepository cases, CaseQueries queries, IdentityApi identity,
             CatalogApi catalog, CaseRatesQuery ratesQuery, CaseAttachments attachments, CaseStatsQuery statsQuery, GeoApi geo,
             CaseScreenQuery screenQuery, Clock clock) {
        this.workflow = workflow;
        this.views = views;
        this.cases = cases;
        this.queries = queries;
        this.identity = identity;
        this.catalog = catalog;
        this.ratesQuery = ratesQuery;
        this.attachments = attachments;
        this.statsQuery = statsQuery;
        this.geo = geo;
        this.screenQuery = screenQuery;
        this.clock = clock;
    }

    /** The result of a report: the case, and whether it was created now (not an idempotent replay). */
    public record ReportResult(CaseView view, boolean created) {
    }

    public ReportResult report(NewReport report, String idempotencyKey) {
        GeoApi.requireValidCoordinates(report.lon(), report.lat());
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw CivicGridException.badRequest("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be 1 to 100 characters.");
        }
        Actor actor = actor();
        CaseWorkflow.Reported reported = workflow.report(report, actor, idempotencyKey);
        CaseFile file = reported.file();
        return new ReportResult(views.view(file, actor, duplicatesOf(file), null), reported.created());
    }

    public CaseView act(CaseId id, CaseAction action, ActionRequest request) {
        Actor actor = actor();
        CaseFile after = workflow.act(id, current -> command(action, request, current), actor, request.expectedVersion());
        return views.view(after, actor, List.of(), null);
    }

    private CaseCommand command(CaseAction action, ActionRequest request, CaseFile current) {
        CaseCommand command = CaseCommand.of(action, request.reason());
        if (request.department() != null) {
            command = command.withTarget(assignment(request.department(), current));
        }
        if (request.departments() != null && !request.departments().isEmpty()) {
            command = command.withDepartments(request.departments().stream().map(d -> assignment(d, current)).toList());
        }
        if (request.rating() != null) {
            command = command.withRating(request.rating());
        }
        if (request.extension() != null && current.clock() != null) {
            command = command.withExtension(new TimeLimit(current.clock().limit().clock(), request.extension()));
        }
        if (request.mergeInto() != null) {
            command = command.withMergeInto(mergeTarget(request.mergeInto().strip()));
        }
        return command;
    }


    /** The actions whose rule asks for a reason (the desk asks for one before sending them). */
    public static Set<CaseAction> actionsNeedingReason() {
        return Arrays.stream(CaseAction.values()).filter(CaseAction::byHand)
                .filter(a -> CaseRules.rule(a) != null && CaseRules.rule(a).reasonRequired())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseAction.class)));
    }

    /** A case id, or a case number as people read it out ({@code CG20261125000012}). */
    private CaseId mergeTarget(String idOrNumber) {
        if (idOrNumber.length() == 36) {
            return parseId(idOrNumber);
        }
        return cases.findByNumber(idOrNumber).map(CaseFile::id).orElseThrow(() -> CivicGridException.badRequest(
                "MERGE_TARGET_INVALID", "No case numbered " + idOrNumber + " to merge into."));
    }

    /**
     * Every department instance responsible where the case is (one per catalog department), the
     * routing suggestion first: what a dispatcher chooses from and how the desk names instances.
     */
    public List<DepartmentChoice> departmentsFor(CaseId id) {
        CaseFile file = visible(workflow.load(id), actor());
        String suggested = workflow.routing(file).target().departmentInstance();
        var l = file.location();
        List<DepartmentChoice> out = new ArrayList<>();
        for (Department d : catalog.departments()) {
            String instance = d.instanceFor(l.districtCode(), l.streetCode(), l.communityCode());
            String unit = switch (d.level()) {
                case "CITY" -> null;
                case "STREET" -> l.streetCode();
                case "COMMUNITY" -> l.communityCode();
                default -> l.districtCode();
            };
            String unitName = unit == null ? null : geo.unit(civicgrid.geo.UnitCode.of(unit)).map(u -> u.name()).orElse(unit);
            DepartmentChoice choice = new DepartmentChoice(instance, d.code(), d.level(), unitName, d.nameZh(), d.nameEn(),
                    instance.equals(suggested));
            if (choice.suggested()) {
                out.add(0, choice);
            } else {
                out.add(choice);
            }
        }
        return out;
    }

    /**
     * A case's facts and history for another module's own bookkeeping (evaluation's figures); no
     * actor is checked, so callers must never hand the answer to a user unscoped.
     */
    public java.util.Optional<CaseFacts> facts(CaseId id) {
        return cases.find(id).map(file -> {
            var l = file.location();
            var f = file.figures();
            List<CaseFacts.Step> steps = cases.history(id).stream().map(CasesApi::step).toList();
            return new CaseFacts(file.id(), file.number(), file.categoryCode(), file.channel(), file.urgent(), l.lon(), l.lat(),
                    l.gridCode(), l.communityCode(), l.streetCode(), l.districtCode(), l.roadSegmentCode(), file.reporter(),
                    file.reportedAt(), file.state(), file.assignment() == null ? null : file.assignment().departmentInstance(),
                    f.verifiedOnTime(), f.registeredOnTime(), f.dispatchedOnTime(), f.handledOnTime(), f.rating(), steps);
        });
    }

    /**
     * Every case's id, in id order after {@code after} (null: from the first), a page of at most
     * {@code limit}: for another module rebuilding its own bookkeeping from the cases that exist
     * (evaluation's figures); no actor is checked.
     */
    public List<CaseId> caseIdsAfter(CaseId after, int limit) {
        return cases.idsAfter(after, limit);
    }

    private static CaseFacts.Step step(Map<String, Object> row) {
        Object from = row.get("from_state");
        Object at = row.get("at");
        java.time.Instant when = at instanceof java.sql.Timestamp t ? t.toInstant()
                : at instanceof java.time.OffsetDateTime o ? o.toInstant() : java.time.Instant.parse(at.toString());
        return new CaseFacts.Step(CaseAction.valueOf(row.get("action").toString()), from == null ? null : CaseState.valueOf(from.toString()),
                CaseState.valueOf(row.get("to_state").toString()), (String) row.get("actor"), (String) row.get("actor_role"), when,
                details(row.get("details")));
    }

    private static Map<String, Object> details(Object text) {
        if (text == null || text.toString().isBlank()) {
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = tools.jackson.databind.json.JsonMapper.builder().build().readValue(text.toString(), Map.class);
            return map;
        } catch (RuntimeException notJson) {
            return Map.of();
        }
    }

    public CaseView get(CaseId id) {
        Actor actor = actor();
        CaseFile file = visible(workflow.load(id), actor);
        boolean suggest = file.state() == CaseState.REGISTERED || file.state() == CaseState.VERIFIED;
        return views.view(file, actor, file.state().open() ? duplicatesOf(file) : List.of(), suggest ? workflow.routing(file) : null);
    }

    /**
     * Where and what a case is, scoped to the signed-in user like {@link #get}: one read, without the
     * view's duplicates, routing and masking (response starts a plan on it in the time budget of an
     * emergency).
     */
    public CasePlace place(CaseId id) {
        CaseFile file = visible(workflow.load(id), actor());
        var l = file.location();
        return new CasePlace(file.id().toString(), file.number(), file.categoryCode(), file.state(), l.lon(), l.lat(), l.gridCode());
    }

    /**
     * Where a case is, for modules reacting to {@link CaseChanged} without a signed-in viewer (duty's
     * frontage ledger): the point, number, state and category code, no personal data; empty when unknown.
     */
    public java.util.Optional<CasePoint> point(CaseId id) {
        return cases.find(id).map(f -> new CasePoint(f.id().toString(), f.number(), f.location().lon(), f.location().lat(), "NONE",
                f.urgent(), f.state(), f.categoryCode()));
    }

    /**
     * The case's steps, each with {@code actor_name} beside {@code actor}: who did it as pages show people (see
     * {@link IdentityApi#namesShown}); phone numbers in their reasons are masked as in the description,
     * residents' names for all but the roles that call residents in the case's territory.
     */
    public List<Map<String, Object>> history(CaseId id) {
        Actor actor = actor();
        CaseFile file = visible(workflow.load(id), actor);
        PersonalData.Masker mask = CaseViews.maskerFor(actor, file);
        List<Map<String, Object>> steps = cases.history(id);
        if (!mask.clear()) {
            steps.forEach(step -> step.computeIfPresent("reason", (k, reason) -> mask.text(reason.toString())));
        }
        Map<String, String> names = identity.namesShown(steps.stream().map(step -> (String) step.get("actor")).toList(),
                CaseViews.namesMaskerFor(actor, file));
        steps.forEach(step -> step.put("actor_name", names.get((String) step.get("actor"))));
        return steps;
    }

    /** Adds a photo to a case the caller can see (leaders only watch). */
    public Attachment attach(CaseId id, String filename, byte[] content) {
        Actor actor = actor();
        CaseFile file = visible(workflow.load(id), actor);
        if (!worksOn(file, actor)) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "A road-segment chief reads the cases of their segments;"
                    + " photos are added by those working in the case's territory.");
        }
        if (actor.role().readOnly()) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Leaders watch; they do not add photos.");
        }
        return attachments.add(id, filename, content, actor.username());
    }

    public List<Attachment> attachments(CaseId id) {
        visible(workflow.load(id), actor());
        return attachments.list(id);
    }

    public byte[] attachmentContent(CaseId id, java.util.UUID attachment) {
        visible(workflow.load(id), actor());
        return attachments.content(id, attachment);
    }

    public List<String> reporters(CaseId id) {
        visible(workflow.load(id), actor());
        return cases.reporters(id);
    }

    /** One page of a queue and the queue's total, counted up to {@value #COUNT_CAP} ({@code totalCapped} beyond). */
    public record Page(List<CaseView> items, long total, boolean totalCapped, int page, int size) {
    }

    static final int COUNT_CAP = 10_000;

    /** A queue page; {@code search} (optional) is a case number or words of the description. */
    public Page queue(CaseQueue queue, Set<CaseState> states, String category, String search, int page, int size) {
        Actor actor = actor();
        CurrentUser user = identity.requireCurrentUser();
        Set<String> territory = user.scope().unitCodes();
        String assignment = null;
        Set<String> stateNames = states == null ? Set.of() : states.stream().map(Enum::name).collect(Collectors.toSet());
        if (queue == CaseQueue.MINE) {
            switch (user.role()) {
                case DEPARTMENT_HANDLER -> {
                    Department d = catalog.department(user.departmentCode()).orElseThrow(() -> CivicGridException.badRequest(
                            "NO_DEPARTMENT", "Your account has no department."));
                    String district = territory.stream().filter(c -> c.length() == 6).findFirst().orElse("500000");
                    assignment = d.instanceFor(district, null, null);
                }
                case GRID_WORKER, COMMUNITY_STAFF -> stateNames = orDefault(stateNames, "REPORTED", "HANDLED", "VERIFIED");
                case STREET_OPERATOR, DISTRICT_OPERATOR, CITY_OPERATOR ->
                        stateNames = orDefault(stateNames, "VERIFIED", "REGISTERED", "CHECKED", "HUNG");
                case CITIZEN -> throw CivicGridException.badRequest("USE_MY_REPORTS", "Citizens follow their reports by case number.");
                default -> { }
            }
        } else if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Citizens see their own reports only.");
        }
        CaseQueries.Filter filter;
        if (queue == CaseQueue.SEGMENT) {
            if (user.roadSegments().isEmpty()) {
                throw CivicGridException.forbidden("NOT_A_SEGMENT_CHIEF", "You answer for no road segment; this queue is a segment chief's.");
            }
            // the segments are the chief's territory here: their cases wherever they lie, not narrowed by the units of the scope
            filter = new CaseQueries.Filter(null, null, stateNames, category, false, false, false, search, user.roadSegments());
        } else {
            filter = new CaseQueries.Filter(assignment != null ? null : territory, assignment, stateNames, category,
                    queue == CaseQueue.OVERDUE, queue == CaseQueue.URGENT, queue == CaseQueue.ALL, search);
        }
        List<CaseView> items = queries.page(filter, page * size, size).stream().map(f -> views.view(f, actor, List.of(), null)).toList();
        long total = queries.count(filter, COUNT_CAP);
        return new Page(items, Math.min(total, COUNT_CAP), total > COUNT_CAP, page, size);
    }

    static final int MAX_POINTS = 50_000;

    /** Map dots of the open cases in one territory of the caller (their first by default), at most 50,000. */
    public List<CasePoint> points(String territory) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Citizens see their own reports only.");
        }
        String unit = territory != null ? territory : user.scope().unitCodes().stream().sorted().findFirst()
                .orElseThrow(() -> CivicGridException.forbidden("OUT_OF_SCOPE", "You have no territory."));
        if (!civicgrid.geo.UnitCode.isValid(unit)) {
            throw CivicGridException.badRequest("INVALID_UNIT_CODE", "'" + unit + "' is not a territory code.");
        }
        if (!user.sees(unit)) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Territory " + unit + " is outside your scope.");
        }
        return queries.points(unit, clock.instant(), MAX_POINTS);
    }

    /**
     * GB/T 30428.4 rates of the cases reported in [from, to) inside a territory of the caller (their
     * whole scope when none is given), optionally of one department, grouped as asked.
     */
    public List<Rates> rates(java.time.Instant from, java.time.Instant to, String territory, String department,
                             RatesGroupBy groupBy) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Rates are for the command centers, departments and leaders.");
        }
        if (!to.isAfter(from)) {
            throw CivicGridException.badRequest("INVALID_PERIOD", "The period must end after it starts.");
        }
        List<String> territories = territory != null ? List.of(territory) : user.scope().unitCodes().stream().sorted().toList();
        List<Rates> out = new ArrayList<>();
        for (String code : territories) {
            if (!user.sees(code)) {
                throw CivicGridException.forbidden("OUT_OF_SCOPE", "Territory " + code + " is outside your scope.");
            }
            out.addAll(ratesQuery.rates(from, to, code, department, groupBy));
        }
        return out;
    }

    /** Dashboard figures of one territory of the caller (the first of their scope by default) for a period. */
    public Stats stats(java.time.Instant from, java.time.Instant to, String territory, String hotspotCategory) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Dashboards are for the command centers and leaders.");
        }
        String unit = territory != null ? territory : user.scope().unitCodes().stream().sorted().findFirst()
                .orElseThrow(() -> CivicGridException.forbidden("OUT_OF_SCOPE", "You have no territory."));
        if (!user.sees(unit)) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Territory " + unit + " is outside your scope.");
        }
        if (!to.isAfter(from)) {
            throw CivicGridException.badRequest("INVALID_PERIOD", "The period must end after it starts.");
        }
        CaseStatsQuery.Scope scope = CaseStatsQuery.scope(unit, from, to);
        List<Stats.Count> categories = statsQuery.countBy("category_code", scope).entrySet().stream().limit(10)
                .map(e -> new Stats.Count(e.getKey(), catalog.category(e.getKey()).map(c -> c.nameZh()).orElse(e.getKey()), e.getValue()))
                .toList();
        String hotspot = hotspotCategory != null ? hotspotCategory : categories.isEmpty() ? "E0101" : categories.get(0).code();
        List<Stats.Count> hotspots = statsQuery.hotspots(scope, hotspot, 10).stream()
                .map(h -> new Stats.Count(h.code(), geo.unit(civicgrid.geo.UnitCode.of(h.code())).map(u -> u.name()).orElse(h.code()),
                        h.count())).toList();
        List<Rates> rates = ratesQuery.rates(from, to, unit, null, RatesGroupBy.NONE);
        return new Stats(statsQuery.countBy("state", scope), categories, statsQuery.countBy("channel", scope), statsQuery.byDay(scope),
                hotspots, hotspot, statsQuery.overdue(scope, 20), rates.isEmpty() ? null : rates.get(0));
    }

    private static final java.time.ZoneId CITY_ZONE = java.time.ZoneId.of("Asia/Shanghai");
    /** The rates on the big screen cover the same window as the dashboard's. */
    private static final int SCREEN_RATE_DAYS = 30;

    /** The big screen's figures of one territory of the caller (the first of their scope by default), ranked one level down. */
    public ScreenFigures screen(String territory) {
        String unit = screenTerritory(territory);
        civicgrid.geo.TerritoryLevel below = civicgrid.geo.UnitCode.of(unit).level().child();
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(CITY_ZONE));
        java.time.Instant midnight = today.atStartOfDay(CITY_ZONE).toInstant();
        java.time.LocalDate ratesFrom = today.minusDays(SCREEN_RATE_DAYS - 1);
        java.time.Instant from = ratesFrom.atStartOfDay(CITY_ZONE).toInstant();
        java.time.Instant to = today.plusDays(1).atStartOfDay(CITY_ZONE).toInstant();
        int length = below.codeLength();
        Map<String, CaseScreenQuery.Open> open = screenQuery.open(unit, length, clock.instant());
        Map<String, Long> reported = screenQuery.reportedSince(unit, length, midnight);
        Map<String, Long> closed = screenQuery.closedSince(unit, length, midnight);
        Map<String, Double> closureRates = new java.util.HashMap<>();
        RatesGroupBy byUnit = switch (below) {
            case DISTRICT -> RatesGroupBy.DISTRICT;
            case STREET -> RatesGroupBy.STREET;
            case COMMUNITY -> RatesGroupBy.COMMUNITY;
            default -> null;
        };
        if (byUnit != null) {
            ratesQuery.rates(from, to, unit, null, byUnit).forEach(r -> closureRates.put(r.group(), r.closureRate()));
        }
        CaseScreenQuery.Open none = new CaseScreenQuery.Open(0, 0, 0, 0, 0);
        List<ScreenFigures.UnitFigures> ranking = geo.children(civicgrid.geo.UnitCode.of(unit)).stream().map(child -> {
            CaseScreenQuery.Open o = open.getOrDefault(child.code(), none);
            return new ScreenFigures.UnitFigures(child.code(), child.name(), reported.getOrDefault(child.code(), 0L),
                    closed.getOrDefault(child.code(), 0L), o.total(), o.red(), closureRates.get(child.code()));
        }).sorted(java.util.Comparator.comparingLong(ScreenFigures.UnitFigures::open).reversed()
                .thenComparing(java.util.Comparator.comparingLong(ScreenFigures.UnitFigures::overdue).reversed())
                .thenComparing(ScreenFigures.UnitFigures::code)).toList();
        List<Rates> rates = ratesQuery.rates(from, to, unit, null, RatesGroupBy.NONE);
        Rates all = rates.isEmpty() ? null : rates.get(0);
        return new ScreenFigures(unit, today, sum(reported.values()), sum(closed.values()),
                open.values().stream().mapToLong(CaseScreenQuery.Open::total).sum(),
                open.values().stream().mapToLong(CaseScreenQuery.Open::red).sum(),
                open.values().stream().mapToLong(CaseScreenQuery.Open::urgent).sum(),
                all == null ? null : all.onTimeDisposalRate(), all == null ? null : all.closureRate(), ratesFrom, ranking);
    }

    /**
     * Open cases of a territory of the caller per unit of a level (districts, streets, communities or
     * grids) with its name and centre: what the big screen draws instead of dots when zoomed out.
     */
    public List<OpenCount> openCounts(String territory, civicgrid.geo.TerritoryLevel level) {
        if (level == null || level == civicgrid.geo.TerritoryLevel.CITY || level == civicgrid.geo.TerritoryLevel.MICRO_GRID) {
            throw CivicGridException.badRequest("INVALID_LEVEL", "level must be one of DISTRICT, STREET, COMMUNITY, GRID.");
        }
        String unit = screenTerritory(territory);
        return screenQuery.open(unit, level.codeLength(), clock.instant()).entrySet().stream()
                .map(e -> geo.unit(civicgrid.geo.UnitCode.of(e.getKey())).map(u -> {
                    CaseScreenQuery.Open o = e.getValue();
                    return new OpenCount(u.code(), u.name(), u.centroidLon(), u.centroidLat(), o.total(), o.green(), o.yellow(), o.red(),
                            o.none(), o.urgent());
                })).flatMap(java.util.Optional::stream).sorted(java.util.Comparator.comparing(OpenCount::code)).toList();
    }

    /** A territory the caller may watch on the big screen (their first by default); residents have none. */
    private String screenTerritory(String territory) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "The big screen is for the command centers and leaders.");
        }
        String unit = territory != null ? territory : user.scope().unitCodes().stream().sorted().findFirst()
                .orElseThrow(() -> CivicGridException.forbidden("OUT_OF_SCOPE", "You have no territory."));
        if (!civicgrid.geo.UnitCode.isValid(unit) || unit.length() > 15) {
            throw CivicGridException.badRequest("INVALID_UNIT_CODE", "'" + unit + "' is not a city, district, street, community or grid code.");
        }
        if (!user.sees(unit)) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Territory " + unit + " is outside your scope.");
        }
        return unit;
    }

    private static long sum(java.util.Collection<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    private static Set<String> orDefault(Set<String> chosen, String... defaults) {
        return chosen.isEmpty() ? Set.of(defaults) : chosen;
    }

    /** Open cases of the same category reported within 250 m in the last 24 hours. */
    private List<CaseView.Suggestion> duplicatesOf(CaseFile file) {
        var l = file.location();
        return cases.openWithin(file.categoryCode(), clock.instant().minus(DUPLICATE_WINDOW), l.lon(), l.lat(), DUPLICATE_METERS).stream()
                .filter(n -> !n.file().id().equals(file.id()))
                .map(n -> new CaseView.Suggestion(n.file().id().toString(), n.file().number(), Math.round(n.meters() * 10) / 10.0, null))
                .toList();
    }

    private Assignment assignment(String departmentCode, CaseFile file) {
        Department d = catalog.department(departmentCode).orElseThrow(() -> CivicGridException.badRequest("UNKNOWN_DEPARTMENT",
                "No department " + departmentCode + " in the catalog."));
        var l = file.location();
        return new Assignment(d.instanceFor(l.districtCode(), l.streetCode(), l.communityCode()), d.code(), d.level());
    }

    /**
     * The case if the actor may read it: inside their territory, reported by them (a citizen), or on a
     * road segment they are the chief of (wherever their territory is; they read it, and act on it
     * only as their role and territory allow).
     */
    private CaseFile visible(CaseFile file, Actor actor) {
        if (!worksOn(file, actor) && !identity.requireCurrentUser().chiefOf(file.location().roadSegmentCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This case is outside your territory.");
        }
        return file;
    }

    /** Inside the actor's territory, or their own report (a citizen's). */
    private boolean worksOn(CaseFile file, Actor actor) {
        return actor.scope().includes(file.location().gridCode())
                || actor.role() == Role.CITIZEN && cases.reporters(file.id()).contains(actor.username());
    }

    private Actor actor() {
        CurrentUser user = identity.requireCurrentUser();
        return new Actor(user.username(), user.role(), user.scope(), user.departmentCode());
    }

    static CaseId parseId(String text) {
        try {
            return CaseId.parse(text);
        } catch (IllegalArgumentException e) {
            throw CivicGridException.badRequest("INVALID_CASE_ID", "'" + text + "' is not a case id.");
        }
    }
}
