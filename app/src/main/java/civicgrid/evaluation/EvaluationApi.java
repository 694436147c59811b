package civicgrid.evaluation;

import civicgrid.evaluation.app.Scorecards;
import civicgrid.evaluation.domain.Grouping;
import civicgrid.evaluation.domain.Period;
import civicgrid.evaluation.domain.SubjectKind;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import org.springframework.stereotype.Service;

/** Evaluation as the web layer and other modules use it; every answer is limited to the caller's territory. */
@Service
public class EvaluationApi {

    private final Scorecards scorecards;
    private final IdentityApi identity;

    EvaluationApi(Scorecards scorecards, IdentityApi identity) {
        this.scorecards = scorecards;
        this.identity = identity;
    }

    /**
     * The scorecards of the subjects of one kind ({@code by}) counted inside a unit of the caller
     * over a period ({@code YYYY-MM-DD}, {@code YYYY-Www}, {@code YYYY-MM} or {@code YYYY-Qn}).
     */
    public Scorecard.Sheet scorecards(String unit, String period, String by) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Scorecards are for the command centers, departments and leaders.");
        }
        UnitCode code = visibleUnit(user, unit);
        Period p;
        Grouping grouping;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_PERIOD", bad.getMessage());
        }
        try {
            grouping = Grouping.parse(by);
        } catch (IllegalArgumentException bad) {
            throw CivicGridException.badRequest("INVALID_BY", bad.getMessage());
        }
        SubjectKind kind = grouping.kinds().get(0);
        if (kind.territorial() && level(kind).codeLength() < code.value().length()) {
            throw CivicGridException.badRequest("INVALID_BY", "Unit " + code + " is inside a " + grouping.name().toLowerCase(java.util.Locale.ROOT)
                    + ": list a level at or below it.");
        }
        return scorecards.sheet(code, p, grouping);
    }

    private static TerritoryLevel level(SubjectKind kind) {
        return switch (kind) {
            case DISTRICT -> TerritoryLevel.DISTRICT;
            case STREET -> TerritoryLevel.STREET;
            case COMMUNITY -> TerritoryLevel.COMMUNITY;
            default -> TerritoryLevel.GRID;
        };
    }

    /** A city, district, street, community or grid code the caller sees. */
    static UnitCode visibleUnit(CurrentUser user, String unit) {
        if (unit == null || !UnitCode.isValid(unit) || unit.length() > 15) {
            throw CivicGridException.badRequest("INVALID_UNIT_CODE", "'" + unit + "' is not a city, district, street, community or grid code.");
        }
        if (!user.sees(unit)) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Territory " + unit + " is outside your scope.");
        }
        return UnitCode.of(unit);
    }
}
