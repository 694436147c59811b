package civicgrid.intake.open311;

import civicgrid.cases.CaseState;
import civicgrid.cases.CaseView;
import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Department;
import civicgrid.identity.PersonalData;
import civicgrid.intake.persistence.Open311Requests;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Cases as GeoReport service requests: of every channel, their contact details never, phone and ID
 * numbers in descriptions masked; times as W3C date-times in China's offset.
 */
@Component
class Open311Rendering {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final CatalogApi catalog;
    private final Open311Requests requests;

    Open311Rendering(CatalogApi catalog, Open311Requests requests) {
        this.catalog = catalog;
        this.requests = requests;
    }

    List<Map<String, Object>> requests(List<CaseView> views) {
        Map<UUID, String> media = requests.mediaUrls(views.stream().map(v -> UUID.fromString(v.id())).toList());
        List<Map<String, Object>> out = new ArrayList<>(views.size());
        for (CaseView v : views) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", v.number());
            r.put("status", v.state().open() ? "open" : "closed");
            r.put("status_notes", statusNotes(v));
            r.put("service_name", v.category().nameZh());
            r.put("service_code", v.category().code());
            r.put("description", PersonalData.maskPhonesInText(v.description()));
            r.put("agency_responsible", agency(v.assignment()));
            r.put("service_notice", null);
            r.put("requested_datetime", w3c(v.reportedAt()));
            r.put("updated_datetime", w3c(updated(v)));
            r.put("expected_datetime", v.state().open() && v.stage() != null && v.stage().deadline() != null
                    ? w3c(v.stage().deadline()) : null);
            r.put("address", String.join(" ", v.place().districtName(), v.place().streetName(), v.place().gridName()));
            r.put("address_id", v.place().gridCode());
            r.put("zipcode", null);
            r.put("lat", v.place().lat());
            r.put("long", v.place().lon());
            r.put("media_url", media.get(UUID.fromString(v.id())));
            out.add(r);
        }
        return out;
    }

    /** A case is registered (has its number as a service request) once verified and accepted. */
    static boolean registered(CaseView v) {
        return v.state() != CaseState.REPORTED && v.state() != CaseState.VERIFIED && v.state() != CaseState.INVALID;
    }

    /** The answer's notice to a poster: joined to an existing case, and the deadline of the step it waits for. */
    static String notice(CaseView v, boolean joined) {
        String prefix = joined ? "已并入同一问题的案件 " + v.number() + "。" : "";
        if (v.stage() != null && v.stage().deadline() != null && v.state().open()) {
            return prefix + (registered(v) ? "已立案，预计处置时限 " : "待网格员核实，核实时限 ")
                    + v.stage().deadline().atOffset(CHINA).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + "。";
        }
        return prefix.isEmpty() ? null : prefix;
    }

    private static String statusNotes(CaseView v) {
        return switch (v.state()) {
            case REPORTED -> "已受理，待核实 (received, to be verified on site)";
            case VERIFIED -> "已核实，待立案 (verified, to be registered)";
            case REGISTERED -> "已立案，待派遣 (registered, to be dispatched)";
            case DISPATCHED -> "已派遣至责任单位 (dispatched to the responsible department)";
            case IN_PROGRESS -> "处置中 (being handled)";
            case HANDLED -> "已处置，待核查 (handled, to be checked on site)";
            case CHECKED -> "核查通过，待结案 (checked, to be closed)";
            case CLOSED -> "已结案 (closed)";
            case EVALUATED -> "已结案并评价 (closed and rated)";
            case HUNG -> "列入长期挂账处理 (put on the long-term list)";
            case INVALID -> "经核实不予立案 (not accepted after verification)";
            case MERGED -> "与其他报告合并处理 (merged into another request)";
        };
    }

    private String agency(String assignment) {
        if (assignment == null) {
            return null;
        }
        String code = Department.codeOfInstance(assignment);
        return catalog.department(code).map(d -> d.nameZh()).orElse(code);
    }

    private static Instant updated(CaseView v) {
        Instant u = v.reportedAt();
        if (v.stage() != null && v.stage().startedAt() != null && v.stage().startedAt().isAfter(u)) {
            u = v.stage().startedAt();
        }
        return v.closedAt() != null && v.closedAt().isAfter(u) ? v.closedAt() : u;
    }

    private static String w3c(Instant at) {
        return at == null ? null : at.atOffset(CHINA).truncatedTo(ChronoUnit.SECONDS).format(W3C);
    }
}
