package civicgrid.evaluation.app;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseChanged;
import civicgrid.cases.CaseFacts;
import civicgrid.cases.CaseId;
import civicgrid.cases.CasesApi;
import civicgrid.evaluation.domain.Tier;
import civicgrid.evaluation.persistence.TierStore;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tags every case with how it was solved once it is closed ({@link Tier}); idempotent, redelivered like the figures. */
@Service
public class CaseTiers {

    private final CasesApi cases;
    private final TierStore tiers;

    CaseTiers(CasesApi cases, TierStore tiers) {
        this.cases = cases;
        this.tiers = tiers;
    }

    @ApplicationModuleListener
    void on(CaseChanged change) {
        // only a closing decides the tier: the other changes cost no read
        if (change.action() == CaseAction.CLOSE) {
            refresh(change.caseId());
        }
    }

    /** Tags the case as it is now (untags it if it is not closed). */
    @Transactional
    public void refresh(CaseId id) {
        Optional<CaseFacts> facts = cases.facts(id);
        Optional<Tier.Tiered> tiered = facts.flatMap(Tier::of);
        if (tiered.isPresent()) {
            tiers.save(id.value(), facts.get().categoryCode(), facts.get().gridCode(), tiered.get());
        } else {
            tiers.remove(id.value());
        }
    }
}
