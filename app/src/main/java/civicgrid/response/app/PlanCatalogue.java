package civicgrid.response.app;

import civicgrid.audit.AuditApi;
import civicgrid.cases.CasePlace;
import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Department;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.CivicGridException;
import civicgrid.response.AlarmSignal;
import civicgrid.response.domain.PlanRefused;
import civicgrid.response.domain.PlanTrigger;
import civicgrid.response.domain.ResponsePlan;
import civicgrid.response.persistence.PlanStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The latest version of every plan, held in memory (plans are few: a handful per street) and
 * reloaded after each change; publishing a new version and seeding the shipped plans.
 */
@Component
public class PlanCatalogue {

    private final PlanStore plans;
    private final CatalogApi catalog;
    private final IdentityApi identity;
    private final AuditApi audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile List<ResponsePlan> latest;

    PlanCatalogue(PlanStore plans, CatalogApi catalog, IdentityApi identity, AuditApi audit, TransactionTemplate tx, Clock clock) {
        this.plans = plans;
        this.catalog = catalog;
        this.identity = identity;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        reload();
    }

    /** The latest version of every plan. */
    public List<ResponsePlan> latest() {
        return latest;
    }

    public ResponsePlan latest(String code) {
        return latest.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> CivicGridException.notFound("UNKNOWN_PLAN", "No response plan " + code + "."));
    }

    /** Plans whose trigger names the case's category and that cover its place. */
    public List<ResponsePlan> forCase(CasePlace place) {
        return latest.stream().filter(p -> p.covers(place.gridCode()) && p.trigger().matchesCategory(place.categoryCode())).toList();
    }

    /** Plans whose trigger an alarm matches and that cover its place. */
    public List<ResponsePlan> forAlarm(AlarmSignal alarm) {
        PlanTrigger.Severity severity = PlanTrigger.Severity.valueOf(alarm.severity());
        return latest.stream().filter(p -> p.covers(alarm.unitCode()) && p.trigger().matchesAlarm(alarm.alarmType(), severity)).toList();
    }

    public Optional<ResponsePlan> version(String code, int version) {
        return plans.version(code, version);
    }

    /** Every version of a plan, newest first (publisher by account; the caller names them). */
    public List<PlanStore.PlanVersion> versions(String code) {
        return plans.versions(code);
    }

    /**
     * Saves {@code draft} as its next version on behalf of {@code user}, a role allowed to edit plans:
     * refused with a {@link PlanRefused} when it cannot run, {@code OUT_OF_SCOPE} outside the user's
     * plans, {@code PLAN_TERRITORY_FIXED} when it moves territory, {@code PLAN_CHANGED} when
     * {@code baseVersion} is not the latest or another save won the race.
     */
    public ResponsePlan publish(ResponsePlan draft, Integer baseVersion, CurrentUser user) {
        draft.validate(identity.postCodes(), departmentCodes());
        if (!ResponseRoles.mayEditPlanOf(user, draft.territoryCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Plans of " + draft.territoryCode() + " are edited by that territory's center.");
        }
        ResponsePlan saved = tx.execute(s -> {
            Optional<ResponsePlan> current = plans.latest(draft.code());
            if (current.isPresent() && !current.get().territoryCode().equals(draft.territoryCode())) {
                throw CivicGridException.badRequest("PLAN_TERRITORY_FIXED", "Plan " + draft.code() + " belongs to "
                        + current.get().territoryCode() + "; a plan keeps its territory.");
            }
            int latestVersion = current.map(ResponsePlan::version).orElse(0);
            if (baseVersion != null && baseVersion != latestVersion) {
                throw CivicGridException.conflict("PLAN_CHANGED", "Plan " + draft.code() + " is at version " + latestVersion
                        + " now, not " + baseVersion + "; reload it and edit again.");
            }
            ResponsePlan versioned = draft.withVersion(latestVersion + 1);
            if (!plans.insert(versioned, clock.instant(), user.username())) {
                throw CivicGridException.conflict("PLAN_CHANGED", "Plan " + draft.code() + " was published meanwhile; reload it and edit again.");
            }
            audit.record("PLAN_SAVED", "RESPONSE_PLAN", draft.code(), "version " + versioned.version(),
                    Map.of("version", versioned.version(), "territory", draft.territoryCode(), "steps", draft.steps().size()));
            return versioned;
        });
        reload();
        return saved;
    }

    /** First start: the shipped plans, each only if no version of it exists yet. */
    public void seed(List<ResponsePlan> shipped) {
        Set<String> posts = identity.postCodes();
        Set<String> departments = departmentCodes();
        tx.executeWithoutResult(s -> {
            for (ResponsePlan plan : shipped) {
                if (plans.latest(plan.code()).isEmpty()) {
                    plan.validate(posts, departments);
                    plans.insert(plan.withVersion(1), clock.instant(), "system");
                    audit.recordAs("system", "PLAN_SAVED", "RESPONSE_PLAN", plan.code(), "shipped plan", Map.of("version", 1));
                }
            }
        });
        reload();
    }

    private Set<String> departmentCodes() {
        return Set.copyOf(catalog.departments().stream().map(Department::code).toList());
    }

    private void reload() {
        latest = List.copyOf(plans.latestAll());
    }
}
