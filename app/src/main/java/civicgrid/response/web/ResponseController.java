package civicgrid.response.web;

import civicgrid.platform.CivicGridException;
import civicgrid.response.IncidentView;
import civicgrid.response.Incidents;
import civicgrid.response.ResponsePlans;
import civicgrid.response.ResponseTasks;
import civicgrid.response.ResponseUnits;
import civicgrid.response.domain.PlanRefused;
import civicgrid.response.domain.ResponsePlan;
import civicgrid.response.persistence.PlanStore;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Plans, incidents, their tasks and responders over HTTP (see docs/api.md, "Emergency response"). */
@RestController
class ResponseController {

    private final ResponsePlans plans;
    private final Incidents incidents;
    private final ResponseTasks tasks;
    private final ResponseUnits units;

    ResponseController(ResponsePlans plans, Incidents incidents, ResponseTasks tasks, ResponseUnits units) {
        this.plans = plans;
        this.incidents = incidents;
        this.tasks = tasks;
        this.units = units;
    }

    record StartRequest(String caseId, String planCode) {
    }

    record NoteRequest(String note) {
    }

    record CloseRequest(Set<String> checklist, String summary) {
    }

    /** The plans of the caller's territory; with {@code caseId}, those whose trigger matches that case. */
    @GetMapping("/api/v1/response/plans")
    List<ResponsePlan> plans(@RequestParam(required = false) String caseId) {
        return caseId == null ? plans.plans() : plans.plansForCase(caseId);
    }

    /** The plans matching a case, each with whether it runs there already and whether the caller may start it now. */
    @GetMapping("/api/v1/response/case-plans")
    List<ResponsePlans.CasePlan> casePlans(@RequestParam String caseId) {
        return plans.casePlans(caseId);
    }

    @GetMapping("/api/v1/response/plans/{code}")
    ResponsePlan plan(@PathVariable String code) {
        return plans.plan(code);
    }

    /** Every version of a plan, newest first: who published it and when. */
    @GetMapping("/api/v1/response/plans/{code}/versions")
    List<PlanStore.PlanVersion> planVersions(@PathVariable String code) {
        return plans.planVersions(code);
    }

    @GetMapping("/api/v1/response/plans/{code}/versions/{version}")
    ResponsePlan planVersion(@PathVariable String code, @PathVariable int version) {
        return plans.planVersion(code, version);
    }

    /**
     * Publishes the plan as its next version (201 with the saved version). A plan that cannot run is
     * refused 400 with the rule's {@code code} and the {@code step} at fault.
     */
    @PostMapping("/api/v1/response/plans")
    ResponseEntity<ResponsePlan> savePlan(@RequestBody PlanBody plan) {
        ResponsePlan saved = plans.savePlan(plan.toPlan(), plan.baseVersion());
        return ResponseEntity.created(URI.create("/api/v1/response/plans/" + saved.code())).body(saved);
    }

    /** A refused plan as problem details naming the step at fault (property {@code step}, absent for the plan as a whole). */
    @ExceptionHandler(PlanRefused.class)
    ResponseEntity<ProblemDetail> refused(PlanRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setProperty("code", refused.code());
        if (refused.step() != null) {
            problem.setProperty("step", refused.step());
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @GetMapping("/api/v1/response/tasks")
    List<Map<String, Object>> myTasks() {
        return tasks.myTasks();
    }

    /** The open incidents that proposed the signed-in unit member (the responder's phone). */
    @GetMapping("/api/v1/response/proposals")
    List<Map<String, Object>> myProposals() {
        return units.myProposals();
    }

    @GetMapping("/api/v1/response/units")
    Object units() {
        return units.units();
    }

    @PostMapping("/api/v1/incidents")
    ResponseEntity<IncidentView> start(@RequestBody StartRequest request) {
        if (request.caseId() == null || request.planCode() == null) {
            throw CivicGridException.badRequest("FIELD_REQUIRED", "caseId and planCode are required.");
        }
        IncidentView started = incidents.start(request.caseId(), request.planCode());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + started.id())).body(started);
    }

    @GetMapping("/api/v1/incidents")
    List<IncidentView> incidents(@RequestParam(required = false) String state, @RequestParam(defaultValue = "100") int limit) {
        return incidents.incidents(state, limit);
    }

    @GetMapping("/api/v1/incidents/{id}")
    IncidentView incident(@PathVariable String id) {
        return incidents.incident(id);
    }

    @PostMapping("/api/v1/incidents/{id}/tasks/{taskId}/accept")
    IncidentView accept(@PathVariable String id, @PathVariable String taskId) {
        return tasks.acceptTask(id, taskId);
    }

    @PostMapping("/api/v1/incidents/{id}/tasks/{taskId}/done")
    IncidentView done(@PathVariable String id, @PathVariable String taskId, @RequestBody(required = false) NoteRequest body) {
        return tasks.completeTask(id, taskId, body == null ? null : body.note());
    }

    @PostMapping("/api/v1/incidents/{id}/close")
    IncidentView close(@PathVariable String id, @RequestBody CloseRequest body) {
        return incidents.close(id, body.checklist(), body.summary());
    }

    @PostMapping("/api/v1/incidents/{id}/responders/{memberId}/confirm")
    IncidentView confirm(@PathVariable String id, @PathVariable String memberId) {
        return units.responderConfirmed(id, memberId);
    }

    @PostMapping("/api/v1/incidents/{id}/responders/{memberId}/on-the-way")
    IncidentView onTheWay(@PathVariable String id, @PathVariable String memberId) {
        return units.responderOnTheWay(id, memberId);
    }

    @PostMapping("/api/v1/incidents/{id}/responders/{memberId}/arrived")
    IncidentView arrived(@PathVariable String id, @PathVariable String memberId) {
        return units.responderArrived(id, memberId);
    }
}
