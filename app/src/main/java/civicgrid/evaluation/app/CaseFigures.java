package civicgrid.evaluation.app;

import civicgrid.cases.CaseChanged;
import civicgrid.cases.CaseFacts;
import civicgrid.cases.CaseId;
import civicgrid.cases.CasesApi;
import civicgrid.evaluation.domain.CaseContributions;
import civicgrid.evaluation.domain.Contribution;
import civicgrid.evaluation.persistence.CaseFactStore;
import civicgrid.evaluation.persistence.TallyStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the per-day figures in step with the cases: on every published change, the case's counts
 * are recomputed from its facts and the difference with what it counted before is applied. The
 * event publication registry redelivers a change whose counting failed; counting twice is harmless.
 */
@Service
public class CaseFigures {

    private final CasesApi cases;
    private final CaseFactStore facts;
    private final TallyStore tallies;
    private final Clock clock;

    CaseFigures(CasesApi cases, CaseFactStore facts, TallyStore tallies, Clock clock) {
        this.cases = cases;
        this.facts = facts;
        this.tallies = tallies;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CaseChanged change) {
        refresh(change.caseId());
    }

    /** Counts the case as it is now (idempotent). */
    @Transactional
    public void refresh(CaseId id) {
        Optional<CaseFacts> seen = cases.facts(id);
        if (seen.isEmpty()) {
            return;
        }
        facts.insertIfMissing(seen.get(), clock.instant());
        List<Contribution> before = facts.lockContributions(id.value());
        // read again under the lock: a change counted concurrently may have seen an older case
        CaseFacts now = cases.facts(id).orElseThrow();
        List<Contribution> after = CaseContributions.of(now);
        tallies.apply(before, after);
        facts.save(now, after, clock.instant());
    }
}
