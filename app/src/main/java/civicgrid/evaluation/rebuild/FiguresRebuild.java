package civicgrid.evaluation.rebuild;

import civicgrid.audit.AuditApi;
import civicgrid.cases.CaseId;
import civicgrid.cases.CasesApi;
import civicgrid.evaluation.app.CaseFigures;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Counts every case that exists, page by page in id order: the figures of cases that were there
 * before evaluation was added (or whose events were lost) are made from the cases themselves. Each
 * case is counted as {@link CaseFigures#refresh} does on its events, so running it again changes
 * nothing and it may run while cases keep changing.
 */
@Service
public class FiguresRebuild {

    private static final Logger log = LoggerFactory.getLogger(FiguresRebuild.class);
    static final int PAGE = 500;

    private final CasesApi cases;
    private final CaseFigures figures;
    private final AuditApi audit;

    FiguresRebuild(CasesApi cases, CaseFigures figures, AuditApi audit) {
        this.cases = cases;
        this.figures = figures;
        this.audit = audit;
    }

    /** What a rebuild did. */
    public record Outcome(long cases) {
    }

    /** Counts every case now (each in a transaction of its own); audited as the caller's. */
    public Outcome rebuild() {
        long counted = 0;
        CaseId after = null;
        List<CaseId> page;
        do {
            page = cases.caseIdsAfter(after, PAGE);
            for (CaseId id : page) {
                figures.refresh(id);
            }
            counted += page.size();
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1);
            }
        } while (page.size() == PAGE);
        log.info("Evaluation figures rebuilt from {} cases", counted);
        audit.record("EVALUATION_FIGURES_REBUILT", "EVALUATION", "figures", null, Map.of("cases", counted));
        return new Outcome(counted);
    }
}
