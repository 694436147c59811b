package civicgrid.cases.app;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseView;
import civicgrid.cases.domain.Actor;
import civicgrid.cases.domain.CaseFile;
import civicgrid.cases.domain.StageClock;
import civicgrid.cases.routing.RoutingPolicy;
import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Category;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.PersonalData;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds what the API shows of a case for a given viewer. */
@Component
public class CaseViews {

    private final CatalogApi catalog;
    private final GeoApi geo;
    private final Clock clock;

    CaseViews(CatalogApi catalog, GeoApi geo, Clock clock) {
        this.catalog = catalog;
        this.geo = geo;
        this.clock = clock;
    }

    /**
     * Phone numbers in the description are masked for viewers whose role sees personal data masked
     * (the reporter sees their own text); a channel's view ({@code viewer} null) is the channel's to
     * mask for its audience.
     */
    public CaseView view(CaseFile f, Actor viewer, List<CaseView.Suggestion> duplicates, RoutingPolicy.Decision routing) {
        Category category = catalog.category(f.categoryCode(), f.categoryVersion()).orElseThrow();
        var l = f.location();
        StageClock c = f.clock();
        CaseView.Stage stage = c == null ? null : new CaseView.Stage(c.seq(), c.limit().clock().name(), c.limit().amount(),
                c.startedAt(), c.warningAt(), c.deadline(), light(f, clock.instant()));
        CaseFile.Figures fig = f.figures();
        List<CaseAction> allowed = viewer == null ? List.of() : Arrays.stream(CaseAction.values())
                .filter(CaseAction::byHand)
                .filter(a -> f.allows(a, viewer)).toList();
        return new CaseView(f.id().toString(), f.number(), f.version(), f.state(), f.channel(),
                new CaseView.Category(category.code(), category.version(), category.nameZh(), category.nameEn()),
                viewer == null ? f.description() : maskerFor(viewer, f).text(f.description()),
                f.urgent(), new CaseView.Place(l.lon(), l.lat(), l.gridCode(), name(l.gridCode()), l.communityCode(), l.streetCode(),
                        name(l.streetCode()), l.districtCode(), name(l.districtCode()), l.roadSegmentCode()),
                f.level(), f.assignment() == null ? null : f.assignment().departmentInstance(), stage,
                f.pendingPostponement() == null ? null : f.pendingPostponement().toString(), f.whistle(),
                f.mergedInto() == null ? null : f.mergedInto().toString(),
                new CaseView.Figures(fig.verifiedOnTime(), fig.registeredOnTime(), fig.dispatchedOnTime(), fig.handledOnTime(),
                        fig.everOverdue(), fig.returns(), fig.reworks(), fig.supervisions(), fig.escalations(), fig.postponements(),
                        fig.rating()), f.reportedAt(), f.closedAt(), allowed, duplicates,
                routing == null ? null : new CaseView.Suggestion(routing.target().departmentInstance(), routing.why(), null,
                        routing.automatic()));
    }

    /**
     * How personal data in a case is shown to a viewer: clear to roles that call residents, inside their
     * territory (a road-segment chief reading a case of their segment elsewhere sees it masked), and to the reporter.
     */
    public static PersonalData.Masker maskerFor(Actor viewer, CaseFile f) {
        boolean inTerritory = viewer.scope().includes(f.location().gridCode());
        return PersonalData.forRole(inTerritory ? viewer.role() : null, viewer.username().equals(f.reporter()));
    }

    /**
     * How residents' names in a case's history are shown to a viewer: as {@link #maskerFor} but without the reporter's
     * exception, since the residents who reported the same problem later are other people.
     */
    public static PersonalData.Masker namesMaskerFor(Actor viewer, CaseFile f) {
        return PersonalData.forRole(viewer.scope().includes(f.location().gridCode()) ? viewer.role() : null, false);
    }

    /** GREEN, YELLOW from the configured share of the limit, RED when overdue; NONE without a running clock. */
    static String light(CaseFile f, Instant now) {
        StageClock c = f.clock();
        if (c == null || c.deadline() == null || !f.state().open()) {
            return "NONE";
        }
        if (c.overdue() || !now.isBefore(c.deadline())) {
            return "RED";
        }
        if (c.warned() || !now.isBefore(c.warningAt())) {
            return "YELLOW";
        }
        return "GREEN";
    }

    private String name(String code) {
        return geo.unit(UnitCode.of(code)).map(TerritoryUnit::name).orElse(null);
    }
}
