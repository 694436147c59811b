package civicgrid.evaluation.assessment;

import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Department;
import civicgrid.evaluation.Scorecard;
import civicgrid.evaluation.domain.SubjectKind;
import civicgrid.geo.GeoApi;
import civicgrid.geo.RoadSegmentRef;
import civicgrid.geo.UnitCode;
import civicgrid.identity.PersonalData;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * How a road segment and a trade are named on a scorecard: a segment by its road, sequence and
 * chief (the chief's name masked, as the street's list of segments shows it to people of other
 * streets: scorecards reach the district), a trade by its department's name.
 */
@Service
public class AssessedSubjects {

    private final GeoApi geo;
    private final CatalogApi catalog;

    AssessedSubjects(GeoApi geo, CatalogApi catalog) {
        this.geo = geo;
        this.catalog = catalog;
    }

    public Scorecard.Subject of(SubjectKind kind, String code) {
        if (kind == SubjectKind.TRADE) {
            Optional<Department> d = catalog.department(code);
            return new Scorecard.Subject("trade", code, d.map(Department::nameZh).orElse(code), d.map(Department::nameEn).orElse(code), null);
        }
        Optional<RoadSegmentRef> segment = segment(code);
        String zh = segment.map(s -> s.roadName() + " 第" + s.sequence() + "段 · 路段长 " + PersonalData.maskName(s.chiefName())).orElse(code);
        String en = segment.map(s -> s.roadName() + " segment " + s.sequence() + " · chief " + PersonalData.maskName(s.chiefName()))
                .orElse(code);
        return new Scorecard.Subject("segment", code, zh, en, null);
    }

    /** A segment's code starts with its street's (street code, R, road and segment numbers). */
    private Optional<RoadSegmentRef> segment(String code) {
        int r = code.indexOf('R');
        if (r <= 0 || !UnitCode.isValid(code.substring(0, r))) {
            return Optional.empty();
        }
        try {
            return geo.roadSegments(UnitCode.of(code.substring(0, r))).stream().filter(s -> s.code().equals(code)).findFirst();
        } catch (RuntimeException unknownStreet) {
            return Optional.empty();
        }
    }
}
