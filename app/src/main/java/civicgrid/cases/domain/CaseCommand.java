package civicgrid.cases.domain;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseId;
import civicgrid.catalog.TimeLimit;
import java.util.List;

/**
 * One action with what it needs: a reason where the standard asks one, a target for dispatch, a
 * rating for evaluation, an extension for postponement, departments for a whistle, a case to merge into.
 */
public record CaseCommand(CaseAction action, String reason, Assignment target, Integer rating, TimeLimit extension,
                          List<Assignment> departments, CaseId mergeInto) {

    public static CaseCommand of(CaseAction action) {
        return new CaseCommand(action, null, null, null, null, List.of(), null);
    }

    public static CaseCommand of(CaseAction action, String reason) {
        return new CaseCommand(action, reason, null, null, null, List.of(), null);
    }

    public CaseCommand withTarget(Assignment assignment) {
        return new CaseCommand(action, reason, assignment, rating, extension, departments, mergeInto);
    }

    public CaseCommand withRating(int stars) {
        return new CaseCommand(action, reason, target, stars, extension, departments, mergeInto);
    }

    public CaseCommand withExtension(TimeLimit limit) {
        return new CaseCommand(action, reason, target, rating, limit, departments, mergeInto);
    }

    public CaseCommand withDepartments(List<Assignment> summoned) {
        return new CaseCommand(action, reason, target, rating, extension, summoned, mergeInto);
    }

    public CaseCommand withMergeInto(CaseId other) {
        return new CaseCommand(action, reason, target, rating, extension, departments, other);
    }
}
