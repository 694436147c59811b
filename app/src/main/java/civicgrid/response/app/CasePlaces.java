package civicgrid.response.app;

import civicgrid.cases.CaseId;
import civicgrid.cases.CasePlace;
import civicgrid.cases.CasesApi;
import civicgrid.platform.CivicGridException;
import org.springframework.stereotype.Component;

/** Where a case lies, its category and state, from the case id a request names (the place plans and incidents are matched to). */
@Component
public class CasePlaces {

    private final CasesApi cases;

    CasePlaces(CasesApi cases) {
        this.cases = cases;
    }

    /** The case's place; a malformed id is bad input ({@code INVALID_CASE_ID}), an unknown one the cases module's 404. */
    public CasePlace of(String caseId) {
        CaseId id;
        try {
            id = CaseId.parse(caseId);
        } catch (RuntimeException e) {
            throw CivicGridException.badRequest("INVALID_CASE_ID", "caseId must be a case id (UUID).");
        }
        return cases.place(id);
    }
}
