package civicgrid.evaluation.domain;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseFacts;
import civicgrid.cases.CaseFacts.Step;
import civicgrid.cases.CaseState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a case counts: from its facts and history, every count it adds to which subject on which
 * day (see {@link Measure} for the dating rule of each). Recomputed whole whenever the case moves;
 * the difference with what it added before is what changes the figures, so a case that goes back
 * (return, rework) moves its counts instead of adding them twice.
 */
public final class CaseContributions {

    /** Days are the city's days. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    static final int SATISFIED_FROM_STARS = 4;

    private final CaseFacts f;
    private final List<Contribution> out = new ArrayList<>();

    private CaseContributions(CaseFacts facts) {
        this.f = facts;
    }

    public static List<Contribution> of(CaseFacts facts) {
        if (facts.state() == CaseState.MERGED) {
            return List.of();
        }
        CaseContributions c = new CaseContributions(facts);
        c.count();
        return List.copyOf(c.out);
    }

    private void count() {
        LocalDate reported = day(f.reportedAt());
        Optional<Step> registration = first(s -> s.action() == CaseAction.REGISTER);
        everywhere(reported, Measure.REPORTED);
        if (registration.isPresent()) {
            everywhere(reported, Measure.REPORTED_REGISTERED);
        }
        Optional<Step> verification = first(s -> s.action() == CaseAction.VERIFY || s.action() == CaseAction.INVALIDATE
                || s.action() == CaseAction.REPORT && s.to() == CaseState.VERIFIED);
        String collector = verification.map(this::person).orElse(null);
        person(SubjectKind.COLLECTOR, collector, reported, Measure.REPORTED);
        if (registration.isPresent()) {
            person(SubjectKind.COLLECTOR, collector, reported, Measure.REPORTED_REGISTERED);
        }
        verification.ifPresent(v -> {
            boolean onTime = v.action() == CaseAction.REPORT || !Boolean.FALSE.equals(f.verifiedOnTime());
            stage(SubjectKind.COLLECTOR, collector, day(v.at()), Measure.VERIFIED, onTime ? Measure.VERIFIED_ON_TIME : null);
        });
        registration.ifPresent(r -> {
            LocalDate day = day(r.at());
            stage(SubjectKind.DISPATCHER, person(r), day, Measure.REGISTERED,
                    Boolean.FALSE.equals(f.registeredOnTime()) ? null : Measure.REGISTERED_ON_TIME);
            if (f.state() == CaseState.CLOSED || f.state() == CaseState.EVALUATED) {
                everywhere(day, Measure.CLOSED);
            }
        });
        first(s -> s.action() == CaseAction.DISPATCH).ifPresent(d -> {
            LocalDate day = day(d.at());
            String dispatcher = person(d);
            stage(SubjectKind.DISPATCHER, dispatcher, day, Measure.DISPATCHED,
                    Boolean.FALSE.equals(f.dispatchedOnTime()) ? null : Measure.DISPATCHED_ON_TIME);
            if (first(s -> s.action() == CaseAction.RETURN).isEmpty()) {
                stage(SubjectKind.DISPATCHER, dispatcher, day, Measure.DISPATCHED_ACCURATELY, null);
            }
        });
        disposal();
        first(s -> s.action() == CaseAction.CHECK_PASS || s.action() == CaseAction.CHECK_FAIL).ifPresent(c -> {
            boolean late = first(s -> s.action() == CaseAction.OVERDUE && s.from() == CaseState.HANDLED && !s.at().isAfter(c.at()))
                    .isPresent();
            stage(SubjectKind.COLLECTOR, person(c), day(c.at()), Measure.CHECKED, late ? null : Measure.CHECKED_ON_TIME);
        });
        first(s -> s.action() == CaseAction.EVALUATE).ifPresent(e -> {
            LocalDate day = day(e.at());
            everywhere(day, Measure.RATED);
            department(day, Measure.RATED);
            if (f.rating() != null && f.rating() >= SATISFIED_FROM_STARS) {
                everywhere(day, Measure.SATISFIED);
                department(day, Measure.SATISFIED);
            }
        });
    }

    /**
     * The disposal: due (应处置) on the day it was first reported back or its disposal time first ran
     * out, whichever came first; overdue if any disposal round (rework rounds too) ran out of time.
     */
    private void disposal() {
        Optional<Step> handled = first(s -> s.action() == CaseAction.REPORT_BACK);
        Optional<Step> ranOut = first(s -> s.action() == CaseAction.OVERDUE
                && (s.from() == CaseState.DISPATCHED || s.from() == CaseState.IN_PROGRESS));
        if (handled.isEmpty() && ranOut.isEmpty()) {
            return;
        }
        Instant due = handled.map(Step::at).orElse(Instant.MAX);
        if (ranOut.isPresent() && ranOut.get().at().isBefore(due)) {
            due = ranOut.get().at();
        }
        LocalDate day = day(due);
        boolean overdue = ranOut.isPresent() || Boolean.FALSE.equals(f.handledOnTime());
        String handler = first(s -> s.action() == CaseAction.ACCEPT).or(() -> handled).map(this::person).orElse(null);
        List<Measure> measures = new ArrayList<>(List.of(Measure.DUE));
        if (handled.isPresent()) {
            measures.add(Measure.HANDLED);
            if (!overdue) {
                measures.add(Measure.HANDLED_ON_TIME);
            }
            if (first(s -> s.action() == CaseAction.CHECK_FAIL).isPresent()) {
                measures.add(Measure.REWORKED);
            }
        }
        if (overdue) {
            measures.add(Measure.OVERDUE);
        }
        for (Measure m : measures) {
            everywhere(day, m);
            department(day, m);
            person(SubjectKind.HANDLER, handler, day, m);
        }
    }

    /** A stage's count and, when it was on time, its on-time count, for the units and the person who did it. */
    private void stage(SubjectKind role, String person, LocalDate day, Measure done, Measure onTime) {
        for (Measure m : onTime == null ? List.of(done) : List.of(done, onTime)) {
            everywhere(day, m);
            person(role, person, day, m);
        }
    }

    private void everywhere(LocalDate day, Measure measure) {
        for (SubjectKind kind : List.of(SubjectKind.DISTRICT, SubjectKind.STREET, SubjectKind.COMMUNITY, SubjectKind.GRID)) {
            String unit = kind.unitOf(f.gridCode());
            out.add(new Contribution(kind, unit, unit, day, measure));
        }
        if (f.roadSegmentCode() != null) {
            out.add(new Contribution(SubjectKind.SEGMENT, f.gridCode(), f.roadSegmentCode(), day, measure));
        }
    }

    private void department(LocalDate day, Measure measure) {
        if (f.departmentInstance() != null) {
            out.add(new Contribution(SubjectKind.DEPARTMENT, f.gridCode(), f.departmentInstance(), day, measure));
            out.add(new Contribution(SubjectKind.TRADE, f.gridCode(), civicgrid.catalog.Department.codeOfInstance(f.departmentInstance()),
                    day, measure));
        }
    }

    private void person(SubjectKind role, String username, LocalDate day, Measure measure) {
        if (username != null) {
            out.add(new Contribution(role, f.gridCode(), username, day, measure));
        }
    }

    /** The person who took a step; null for the platform's own steps (timers, automatic dispatch). */
    private String person(Step step) {
        return step.bySystem() ? null : step.actor();
    }

    private Optional<Step> first(Predicate<Step> which) {
        return f.steps().stream().filter(which).findFirst();
    }

    static LocalDate day(Instant at) {
        return at.atZone(CITY_ZONE).toLocalDate();
    }
}
