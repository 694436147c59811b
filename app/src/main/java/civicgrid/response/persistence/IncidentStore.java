package civicgrid.response.persistence;

import civicgrid.identity.TerritorialScope;
import civicgrid.response.domain.Incident;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Incidents in {@code response.incident}: the aggregate as one JSON document, guarded by a version. */
@Repository
public class IncidentStore {

    private final JdbcTemplate jdbc;

    IncidentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a new incident; false when the case already runs this plan (an open incident). */
    public boolean insert(Incident incident) {
        Incident.Snapshot s = incident.snapshot();
        try {
            jdbc.update("insert into response.incident (id, case_id, plan_code, plan_version, territory_code, state, opened_at, doc, version)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 1)", UUID.fromString(s.id()), s.caseId(), s.plan().code(),
                    s.plan().version(), s.territoryCode(), s.state().name(), Timestamp.from(s.openedAt()), write(s));
            return true;
        } catch (DuplicateKeyException running) {
            return false;
        }
    }

    /** Writes the changed incident if nobody changed it since it was read. */
    public void update(Incident incident) {
        Incident.Snapshot s = incident.snapshot();
        int rows = jdbc.update("update response.incident set state = ?, doc = ?::jsonb, version = version + 1 where id = ? and version = ?",
                s.state().name(), write(s), UUID.fromString(s.id()), s.version());
        if (rows != 1) {
            throw new OptimisticLockingFailureException("incident " + s.id() + " changed meanwhile");
        }
    }

    public Optional<Incident> find(UUID id) {
        return jdbc.query("select doc, version from response.incident where id = ?", (rs, n) -> read(rs.getString(1), rs.getLong(2)), id)
                .stream().findFirst();
    }

    /** The newest incidents inside a scope (prefix match on the place's territory code, index-backed). */
    public List<Incident> inScope(TerritorialScope scope, String state, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = scopeClause(scope, args);
        if (state != null) {
            where.append(" and state = ?");
            args.add(state);
        }
        return newest(where, args, limit);
    }

    /**
     * The open incidents inside a scope that hold an open task (OPEN or ACCEPTED) for one of
     * {@code posts}: a JSON containment query on the open incidents' task index, so a post's queue
     * never reads the incidents that have nothing for it.
     */
    public List<Incident> openWithTasksFor(TerritorialScope scope, Collection<String> posts, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = scopeClause(scope, args).append(" and state = 'OPEN' and (false");
        for (String post : posts) {
            for (String taskState : List.of("OPEN", "ACCEPTED")) {
                where.append(" or doc -> 'tasks' @> ?::jsonb");
                args.add(PlanStore.JSON.writeValueAsString(List.of(Map.of("post", post, "state", taskState))));
            }
        }
        where.append(')');
        return newest(where, args, limit);
    }

    /** The open incidents that proposed a member (their phone's list), by containment on the responders' index. */
    public List<Incident> openProposing(String memberId, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(PlanStore.JSON.writeValueAsString(List.of(Map.of("memberId", memberId))));
        return newest(new StringBuilder("state = 'OPEN' and doc -> 'responders' @> ?::jsonb"), args, limit);
    }

    /** The open incidents on a case by plan code (the partial unique index on case and plan answers it). */
    public Map<String, String> openOnCase(String caseId) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.query("select plan_code, id from response.incident where case_id = ? and state = 'OPEN'",
                rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                }, caseId);
        return out;
    }

    private List<Incident> newest(StringBuilder where, List<Object> args, int limit) {
        args.add(limit);
        return jdbc.query("select doc, version from response.incident where " + where + " order by opened_at desc limit ?",
                (rs, n) -> read(rs.getString(1), rs.getLong(2)), args.toArray());
    }

    private static StringBuilder scopeClause(TerritorialScope scope, List<Object> args) {
        if (scope.cityWide()) {
            return new StringBuilder("true");
        }
        StringBuilder where = new StringBuilder("(false");
        for (String unit : scope.unitCodes()) {
            where.append(" or territory_code like ?");
            args.add(unit + "%");
        }
        return where.append(')');
    }

    private static String write(Incident.Snapshot s) {
        return PlanStore.JSON.writeValueAsString(s);
    }

    private static Incident read(String doc, long version) {
        Incident.Snapshot s = PlanStore.JSON.readValue(doc, Incident.Snapshot.class);
        return Incident.restore(new Incident.Snapshot(s.id(), s.caseId(), s.territoryCode(), s.districtCode(), s.plan(), s.state(),
                s.openedAt(), s.closedAt(), s.summary(), s.checklistDone(), s.tasks(), s.responders(), s.log(), version, s.lon(), s.lat()));
    }
}
