package civicgrid.response;

import civicgrid.cases.CasePlace;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import civicgrid.response.app.CasePlaces;
import civicgrid.response.app.PlanCatalogue;
import civicgrid.response.app.ResponseRoles;
import civicgrid.response.domain.PlanRefused;
import civicgrid.response.domain.ResponsePlan;
import civicgrid.response.persistence.IncidentStore;
import civicgrid.response.persistence.PlanStore;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Response plans (预案): the catalogue a user's territory holds, each plan's versions, the step
 * editor's publishing, and the plans a case desk offers.
 */
@Service
public class ResponsePlans {

    private final PlanCatalogue catalogue;
    private final IncidentStore incidents;
    private final CasePlaces cases;
    private final IdentityApi identity;

    ResponsePlans(PlanCatalogue catalogue, IncidentStore incidents, CasePlaces cases, IdentityApi identity) {
        this.catalogue = catalogue;
        this.incidents = incidents;
        this.cases = cases;
        this.identity = identity;
    }

    /** The latest version of the plans that hold for the user's territory (its own, its ancestors', its descendants'). */
    public List<ResponsePlan> plans() {
        CurrentUser user = identity.requireCurrentUser();
        return catalogue.latest().stream().filter(p -> ResponseRoles.seesPlanOf(user, p.territoryCode())).toList();
    }

    public ResponsePlan plan(String code) {
        CurrentUser user = identity.requireCurrentUser();
        ResponsePlan plan = catalogue.latest(code);
        if (!ResponseRoles.seesPlanOf(user, plan.territoryCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Plan " + code + " belongs to another territory.");
        }
        return plan;
    }

    /**
     * Saves a plan as its next version (version 1 when new). Administrators edit every plan; a
     * command center edits the plans of its own territory (a street center its street's, a district
     * center its district's). A plan keeps its territory across versions. {@code baseVersion}, when
     * given, is the version the editor started from: if another version was published meanwhile the
     * save is refused ({@code PLAN_CHANGED}) instead of silently overwriting it. A plan that cannot
     * run is refused with a {@link PlanRefused} naming the step at fault.
     */
    public ResponsePlan savePlan(ResponsePlan draft, Integer baseVersion) {
        CurrentUser user = identity.requireRole(Role.ADMINISTRATOR, Role.CITY_OPERATOR, Role.DISTRICT_OPERATOR, Role.STREET_OPERATOR);
        return catalogue.publish(draft, baseVersion, user);
    }

    /** Whether the signed-in user may publish new versions of a plan (for the editor on the plan page). */
    public boolean mayEditPlan(String code) {
        return ResponseRoles.mayEditPlanOf(identity.requireCurrentUser(), plan(code).territoryCode());
    }

    /** The versions of a plan the user sees, newest first, each with its publisher's name as their account shows it. */
    public List<PlanStore.PlanVersion> planVersions(String code) {
        plan(code);
        List<PlanStore.PlanVersion> versions = catalogue.versions(code);
        // publishers are staff: one look-up for all, a gone account keeping the stored name
        Map<String, String> names = identity.displayNames(versions.stream().map(PlanStore.PlanVersion::createdBy).collect(Collectors.toSet()));
        return versions.stream().map(v -> v.named(names.getOrDefault(v.createdBy(), v.createdBy()))).toList();
    }

    /** One version of a plan the user sees (running incidents copy theirs; older ones stay readable). */
    public ResponsePlan planVersion(String code, int version) {
        plan(code);
        return catalogue.version(code, version).orElseThrow(() -> CivicGridException.notFound("UNKNOWN_PLAN_VERSION",
                "Plan " + code + " has no version " + version + "."));
    }

    /** The plans whose trigger names the case's category and that cover its place (offered on the case desk). */
    public List<ResponsePlan> plansForCase(String caseId) {
        identity.requireCurrentUser();
        return catalogue.forCase(cases.of(caseId));
    }

    /** A plan the case desk offers: whether it runs on the case already (its incident) and whether the user may start it now. */
    public record CasePlan(String code, String nameZh, String nameEn, int version, String runningIncidentId, boolean startable) {
    }

    /**
     * The plans whose trigger matches a case, for the desk's "start plan" button: startable only by a
     * command center on an open case where the plan does not run yet, so a button that is shown succeeds.
     */
    public List<CasePlan> casePlans(String caseId) {
        CurrentUser user = identity.requireCurrentUser();
        CasePlace c = cases.of(caseId);
        boolean center = ResponseRoles.isCenter(user) && c.state().open();
        Map<String, String> running = incidents.openOnCase(c.id());
        return catalogue.forCase(c).stream().map(p -> new CasePlan(p.code(), p.nameZh(), p.nameEn(), p.version(), running.get(p.code()),
                center && !running.containsKey(p.code()))).toList();
    }
}
