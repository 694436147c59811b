package civicgrid.evaluation;

import civicgrid.catalog.CatalogApi;
import civicgrid.evaluation.app.ClassDecisions;
import civicgrid.evaluation.app.ClassDiscovery;
import civicgrid.evaluation.app.Scorecards;
import civicgrid.evaluation.persistence.ClassStore;
import java.util.List;
import java.util.UUID;
import civicgrid.evaluation.domain.Grouping;
import civicgrid.evaluation.domain.Period;
import civicgrid.evaluation.domain.SubjectKind;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import org.springframework.stereotype.Service;

/** Evaluation as the web layer and other modules use it; every answer is limited to the caller's territory. */
@Service
public class EvaluationApi {

    private final Scorecards scorecards;
    private final IdentityApi identity;
    private final ClassDiscovery discovery;
    private final ClassDecisions decisions;
    private final ClassStore classes;
    private final CatalogApi catalog;

    EvaluationApi(Scorecards scorecards, IdentityApi identity, ClassDiscovery discovery, ClassDecisions decisions, ClassStore classes,
                  CatalogApi catalog) {
        this.scorecards = scorecards;
        this.identity = identity;
        this.discovery = discovery;
        this.decisions = decisions;
        this.classes = classes;
        this.catalog = catalog;
    }

    /** The classes of problems proposed, accepted or dismissed in a district of the caller (every district of theirs for the city). */
    public List<ProblemClass> classes(String unit) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Classes of problems are for the command centers and leaders.");
        }
        UnitCode code = visibleUnit(user, unit);
        if (code.isCity() || code.level() == TerritoryLevel.DISTRICT) {
            return classes.ofDistricts(code.isCity() ? "" : code.value()).stream().filter(r -> user.sees(r.districtCode()))
                    .map(this::view).toList();
        }
        // below a district: the district's classes with their cases inside the unit only, those without any left out
        return classes.ofDistricts(code.value().substring(0, 6)).stream()
                .map(r -> classes.narrowedTo(r, code.value())).filter(r -> !r.caseIds().isEmpty()).map(this::view).toList();
    }

    /** Runs discovery now over a district of the caller (every district for the city); answers the district's classes. */
    public List<ProblemClass> discover(String unit) {
        CurrentUser user = identity.requireCurrentUser();
        requireDistrictCenter(user);
        UnitCode code = districtOrCity(visibleUnit(user, unit));
        if (code.isCity()) {
            discovery.discoverEverywhere();
        } else {
            discovery.discover(code.value());
        }
        return classes(code.value());
    }

    /** Accepts a proposed class: one project case (专项) is opened for all its cases. */
    public ProblemClass accept(String id, String reason) {
        CurrentUser user = identity.requireCurrentUser();
        return view(decisions.accept(decidable(user, id, reason), user.username(), reason));
    }

    /** Dismisses a proposed class (a reason is required); its cases are not proposed again. */
    public ProblemClass dismiss(String id, String reason) {
        CurrentUser user = identity.requireCurrentUser();
        return view(decisions.dismiss(decidable(user, id, reason), user.username(), reason));
    }

    static final int MAX_REASON = 500;

    private ClassStore.Row decidable(CurrentUser user, String id, String reason) {
        requireDistrictCenter(user);
        if (reason != null && reason.length() > MAX_REASON) {
            throw CivicGridException.badRequest("REASON_TOO_LONG", "A reason has at most " + MAX_REASON + " characters.");
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_CLASS_ID", "'" + id + "' is not a class id.");
        }
        ClassStore.Row row = classes.find(uuid, false).orElseThrow(() -> CivicGridException.notFound("CLASS_NOT_FOUND", "No class " + id + "."));
        if (!user.sees(row.districtCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This class is outside your territory.");
        }
        return row;
    }

    private static void requireDistrictCenter(CurrentUser user) {
        if (!user.hasRole(Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR)) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Classes of problems are decided by the district and city centers.");
        }
    }

    private static UnitCode districtOrCity(UnitCode code) {
        if (!code.isCity() && code.level() != TerritoryLevel.DISTRICT) {
            throw CivicGridException.badRequest("INVALID_UNIT_LEVEL", "Classes of problems are kept per district: give a district or the city.");
        }
        return code;
    }

    private ProblemClass view(ClassStore.Row r) {
        var category = catalog.category(r.categoryCode());
        return new ProblemClass(r.id().toString(), r.districtCode(), r.categoryGroup(), r.categoryCode(),
                category.map(c -> c.nameZh()).orElse(r.categoryCode()), category.map(c -> c.nameEn()).orElse(r.categoryCode()),
                r.caseIds().stream().map(UUID::toString).toList(), r.hotspots(), r.state(), r.windowFrom(), r.windowTo(), r.proposedAt(),
                r.decidedBy(), r.decidedAt(), r.projectCaseId() == null ? null : r.projectCaseId().toString());
    }

    /**
     * The scorecards of the subjects of one kind ({@code by}) counted inside a unit of the caller
     * over a period ({@code YYYY-MM-DD}, {@code YYYY-Www}, {@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY}; this month by
     * default), by grid by default.
     */
    public Scorecard.Sheet scorecards(String unit, String period, String by) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Scorecards are for the command centers, departments and leaders.");
        }
        UnitCode code = visibleUnit(user, unit);
        Period p;
        Grouping grouping;
        try {
            p = Period.parse(period != null ? period
                    : java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString().substring(0, 7));
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_PERIOD", bad.getMessage());
        }
        try {
            grouping = Grouping.parse(by != null ? by : "grid");
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_BY", bad.getMessage());
        }
        SubjectKind kind = grouping.kinds().get(0);
        if (kind.territorial() && level(kind).codeLength() < code.value().length()) {
            throw CivicGridException.badRequest("INVALID_BY", "Unit " + code + " is inside a " + grouping.name().toLowerCase(java.util.Locale.ROOT)
                    + ": list a level at or below it.");
        }
        return scorecards.sheet(code, p, grouping);
    }

    private static TerritoryLevel level(SubjectKind kind) {
        return switch (kind) {
            case DISTRICT -> TerritoryLevel.DISTRICT;
            case STREET -> TerritoryLevel.STREET;
            case COMMUNITY -> TerritoryLevel.COMMUNITY;
            default -> TerritoryLevel.GRID;
        };
    }

    /** A city, district, street, community or grid code the caller sees. */
    static UnitCode visibleUnit(CurrentUser user, String unit) {
        if (unit == null || !UnitCode.isValid(unit) || unit.length() > 15) {
            throw CivicGridException.badRequest("INVALID_UNIT_CODE", "'" + unit + "' is not a city, district, street, community or grid code.");
        }
        if (!user.sees(unit)) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Territory " + unit + " is outside your scope.");
        }
        return UnitCode.of(unit);
    }
}
