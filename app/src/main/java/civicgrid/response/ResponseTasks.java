package civicgrid.response;

import civicgrid.catalog.CatalogApi;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.response.app.IncidentChanges;
import civicgrid.response.app.ResponseRoles;
import civicgrid.response.domain.Incident;
import civicgrid.response.domain.IncidentTask;
import civicgrid.response.persistence.IncidentStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The tasks an incident fans out to the posts: a post's queue, accepting a task and reporting it
 * done (which opens the steps that waited for it).
 */
@Service
public class ResponseTasks {

    /** The most open incidents a post's queue reads at once. */
    static final int MAX_QUEUE = 200;

    private final IncidentChanges changes;
    private final IncidentStore incidents;
    private final CatalogApi catalog;
    private final IdentityApi identity;

    ResponseTasks(IncidentChanges changes, IncidentStore incidents, CatalogApi catalog, IdentityApi identity) {
        this.changes = changes;
        this.incidents = incidents;
        this.catalog = catalog;
        this.identity = identity;
    }

    /**
     * The open tasks of the user's post or department in the open incidents of their territory: a
     * query on the open incidents' task index (a center's queue holds every open incident of its
     * territory), newest incident first, at most {@link #MAX_QUEUE} incidents.
     */
    public List<Map<String, Object>> myTasks() {
        CurrentUser user = identity.requireCurrentUser();
        List<Incident> holding = ResponseRoles.isCenter(user) ? incidents.inScope(user.scope(), "OPEN", MAX_QUEUE)
                : incidents.openWithTasksFor(user.scope(), ResponseRoles.postsOf(user), MAX_QUEUE);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Incident incident : holding) {
            for (IncidentTask task : incident.tasks()) {
                if (task.open() && ResponseRoles.holds(user, task)) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("incidentId", incident.id());
                    row.put("planCode", incident.plan().code());
                    row.put("planNameZh", incident.plan().nameZh());
                    row.put("planNameEn", incident.plan().nameEn());
                    row.put("gridCode", incident.territoryCode());
                    row.put("task", task);
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** The posts whose tasks the signed-in user holds (beside a command center, which holds every task of its territory). */
    public List<String> myPosts() {
        return ResponseRoles.postsOf(identity.requireCurrentUser());
    }

    public IncidentView acceptTask(String incidentId, String taskId) {
        return changes.change(incidentId, "TASK_ACCEPTED", taskId, (incident, user, now) -> {
            ResponseRoles.requireHolder(user, incident.task(taskId));
            incident.accept(taskId, user.username(), now);
        });
    }

    public IncidentView completeTask(String incidentId, String taskId, String note) {
        return changes.change(incidentId, "TASK_DONE", taskId, (incident, user, now) -> {
            ResponseRoles.requireHolder(user, incident.task(taskId));
            incident.done(taskId, user.username(), note, now, catalog.deadlines());
        });
    }
}
