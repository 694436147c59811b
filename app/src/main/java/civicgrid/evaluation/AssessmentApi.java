package civicgrid.evaluation;

import civicgrid.audit.AuditApi;
import civicgrid.evaluation.assessment.AssessmentCsv;
import civicgrid.evaluation.assessment.Assessments;
import civicgrid.evaluation.assessment.ScoringVersions;
import civicgrid.evaluation.domain.Period;
import civicgrid.evaluation.domain.ScoringDraft;
import civicgrid.evaluation.rebuild.FiguresRebuild;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One assessment, three uses: scores of road segments, trades, persons and frontage-duty shops for
 * awards, pay and funding, exported as CSV; the scoring scheme's versions, added by the city center
 * or an administrator (audited); and the rebuild of the figures from the cases that exist.
 */
@Service
public class AssessmentApi {

    private final Assessments assessments;
    private final ScoringVersions versions;
    private final FiguresRebuild rebuild;
    private final IdentityApi identity;
    private final AuditApi audit;
    private final Clock clock;

    AssessmentApi(Assessments assessments, ScoringVersions versions, FiguresRebuild rebuild, IdentityApi identity, AuditApi audit,
                  Clock clock) {
        this.assessments = assessments;
        this.versions = versions;
        this.rebuild = rebuild;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    /** The assessments of one kind ({@code segment}, {@code trade}, {@code person}, {@code shop}) in a unit of the caller over a period. */
    public Assessment.Sheet sheet(String unit, String period, String of) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN || user.role() == Role.GRID_WORKER) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Assessments are for the command centers, departments and leaders.");
        }
        UnitCode code = EvaluationApi.visibleUnit(user, unit);
        Period p;
        try {
            p = Period.parse(period != null ? period : LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString()
                    .substring(0, 7));
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_PERIOD", bad.getMessage());
        }
        Assessments.Of kind;
        try {
            kind = Assessments.Of.valueOf((of == null ? "segment" : of).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_OF", "of must be one of segment, trade, person, shop.");
        }
        return assessments.sheet(code, p, kind);
    }

    /** The same sheet as CSV; the export is audited (it feeds pay and funding). */
    public byte[] csv(String unit, String period, String of) {
        Assessment.Sheet sheet = sheet(unit, period, of);
        audit.record("ASSESSMENT_EXPORTED", "ASSESSMENT", sheet.unit() + "/" + sheet.period() + "/" + sheet.of(), null,
                Map.of("rows", sheet.items().size(), "scoringVersion", sheet.scoringVersion()));
        return AssessmentCsv.of(sheet);
    }

    /** Every version of the scoring scheme. */
    public List<ScoringVersions.Version> scoringVersions() {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Scoring schemes are for the command centers, departments and leaders.");
        }
        return versions.all();
    }

    /** Adds a version of the scoring scheme (city center or administrator); a refused draft says which kind, rate or band is wrong. */
    @Transactional
    public ScoringVersions.Version addScoringVersion(ScoringDraft draft) {
        CurrentUser user = requireSchemeKeeper();
        if (draft == null) {
            throw CivicGridException.badRequest("SCORING_DRAFT_MISSING", "A scoring scheme is required.");
        }
        LocalDate latest = versions.lockLatestValidFrom();
        draft.problem(latest).ifPresent(problem -> {
            throw CivicGridException.badRequest(problem.code(), problem.message());
        });
        int version = versions.add(draft, draft.typedWeights(), user.username(), clock.instant());
        audit.record("SCORING_VERSION_ADDED", "SCORING_SCHEME", String.valueOf(version), draft.note(),
                Map.of("validFrom", draft.validFrom().toString(), "bands", draft.bandsText(), "shopPenalty", draft.shopPenalty(),
                        "weights", draft.weights()));
        return versions.all().stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    /** Counts every existing case again (administrator): the figures of cases from before evaluation existed. Idempotent. */
    public FiguresRebuild.Outcome rebuildFigures() {
        CurrentUser user = identity.requireCurrentUser();
        if (!user.hasRole(Role.ADMINISTRATOR)) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "The figures are rebuilt by an administrator.");
        }
        return rebuild.rebuild();
    }

    private CurrentUser requireSchemeKeeper() {
        CurrentUser user = identity.requireCurrentUser();
        if (!user.hasRole(Role.ADMINISTRATOR, Role.CITY_OPERATOR)) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Scoring schemes are kept by the city center and administrators.");
        }
        return user;
    }
}
