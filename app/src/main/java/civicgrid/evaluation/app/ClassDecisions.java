package civicgrid.evaluation.app;

import civicgrid.audit.AuditApi;
import civicgrid.cases.CaseView;
import civicgrid.cases.CasesApi;
import civicgrid.cases.Channel;
import civicgrid.cases.NewReport;
import civicgrid.catalog.CatalogApi;
import civicgrid.evaluation.domain.CasePoints;
import civicgrid.evaluation.persistence.CaseFactStore;
import civicgrid.evaluation.persistence.ClassStore;
import civicgrid.platform.CivicGridException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district center's decision on a proposed class: accepting it opens one project case (专项)
 * through the loop, at the class's most central case, naming every case of the class; dismissing it
 * keeps its cases from being proposed again. Both are audited. The caller's scope and role are
 * checked by {@link civicgrid.evaluation.EvaluationApi}.
 */
@Service
public class ClassDecisions {

    static final int MAX_NUMBERS_IN_DESCRIPTION = 60;

    private final ClassStore classes;
    private final CaseFactStore facts;
    private final CasesApi cases;
    private final CatalogApi catalog;
    private final AuditApi audit;
    private final Clock clock;

    ClassDecisions(ClassStore classes, CaseFactStore facts, CasesApi cases, CatalogApi catalog, AuditApi audit, Clock clock) {
        this.classes = classes;
        this.facts = facts;
        this.cases = cases;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ClassStore.Row accept(ClassStore.Row row, String username, String reason) {
        ClassStore.Row locked = proposed(row.id());
        CasePoints points = facts.points(locked.districtCode(), locked.windowFrom().minusSeconds(1), clock.instant().plusSeconds(1))
                .only(new java.util.HashSet<>(locked.caseIds()));
        if (points.size() == 0) {
            throw CivicGridException.conflict("CLASS_WITHOUT_CASES", "None of the class's cases can be placed any more.");
        }
        int centre = central(points);
        Map<UUID, String> numbers = facts.numbers(locked.caseIds());
        List<String> listed = locked.caseIds().stream().map(numbers::get).filter(java.util.Objects::nonNull).sorted().toList();
        String category = catalog.category(locked.categoryCode()).map(c -> c.nameZh()).orElse(locked.categoryCode());
        String description = "专项治理：" + category + "，" + locked.caseIds().size() + " 件，" + locked.hotspots() + " 处集中"
                + " / Project: " + locked.caseIds().size() + " cases in " + locked.hotspots() + " hotspots. "
                + (reason == null || reason.isBlank() ? "" : reason.strip() + " ")
                + "Cases: " + String.join(", ", listed.subList(0, Math.min(listed.size(), MAX_NUMBERS_IN_DESCRIPTION)))
                + (listed.size() > MAX_NUMBERS_IN_DESCRIPTION ? " …" : "");
        CaseView project = cases.report(new NewReport(locked.categoryCode(), description, points.lon(centre), points.lat(centre), false, Channel.OPERATOR),
                "problem-class-" + locked.id()).view();
        Instant now = clock.instant();
        classes.decide(locked.id(), "ACCEPTED", username, now, UUID.fromString(project.id()));
        audit.record("PROBLEM_CLASS_ACCEPTED", "PROBLEM_CLASS", locked.id().toString(), reason,
                Map.of("projectCase", project.number(), "cases", locked.caseIds().size(), "district", locked.districtCode()));
        return classes.find(locked.id(), false).orElseThrow();
    }

    @Transactional
    public ClassStore.Row dismiss(ClassStore.Row row, String username, String reason) {
        if (reason == null || reason.isBlank()) {
            throw CivicGridException.badRequest("REASON_REQUIRED", "Say why the class is dismissed.");
        }
        ClassStore.Row locked = proposed(row.id());
        classes.decide(locked.id(), "DISMISSED", username, clock.instant(), null);
        audit.record("PROBLEM_CLASS_DISMISSED", "PROBLEM_CLASS", locked.id().toString(), reason.strip(),
                Map.of("cases", locked.caseIds().size(), "district", locked.districtCode()));
        return classes.find(locked.id(), false).orElseThrow();
    }

    private ClassStore.Row proposed(UUID id) {
        ClassStore.Row locked = classes.find(id, true).orElseThrow(() -> CivicGridException.notFound("CLASS_NOT_FOUND", "No class " + id + "."));
        if (!"PROPOSED".equals(locked.state())) {
            throw CivicGridException.conflict("CLASS_ALREADY_DECIDED", "The class was already " + locked.state().toLowerCase() + ".");
        }
        return locked;
    }

    /** The case nearest to the others' mean point: a real place inside the territory, unlike the mean itself. */
    static int central(CasePoints points) {
        double lon = IntStream.range(0, points.size()).mapToDouble(points::lon).average().orElseThrow();
        double lat = IntStream.range(0, points.size()).mapToDouble(points::lat).average().orElseThrow();
        return IntStream.range(0, points.size()).boxed()
                .min(Comparator.comparingDouble((Integer i) -> civicgrid.geo.Distances.meters(points.lon(i), points.lat(i), lon, lat))
                .thenComparing(points::caseId)).orElseThrow();
    }
}
