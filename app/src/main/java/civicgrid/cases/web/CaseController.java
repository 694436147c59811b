package civicgrid.cases.web;

import civicgrid.cases.ActionRequest;
import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseId;
import civicgrid.cases.CaseQueue;
import civicgrid.cases.CaseState;
import civicgrid.cases.CaseView;
import civicgrid.cases.CasesApi;
import civicgrid.cases.Channel;
import civicgrid.cases.NewReport;
import civicgrid.platform.CivicGridException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API: report (idempotent with an {@code Idempotency-Key} header), read, act, history and
 * the work queues. Actions are {@code POST /api/v1/cases/{id}/actions/{action}} with the action in
 * lower case with dashes (verify, register, dispatch, accept, return, report-back, check-pass,
 * check-fail, close, evaluate, request-postpone, approve-postpone, reject-postpone, hang, unhang,
 * supervise, escalate, whistle, report-in, invalidate, merge).
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final CasesApi cases;

    CaseController(CasesApi cases) {
        this.cases = cases;
    }

    record ReportBody(@Size(max = 10) String category, @NotBlank @Size(max = 2000) String description,
                      @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon, @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                      Boolean urgent, Channel channel) {
    }

    @PostMapping
    ResponseEntity<CaseView> report(@Valid @RequestBody ReportBody body,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (body.category() == null) {
            throw CivicGridException.badRequest("CATEGORY_REQUIRED", "Give the category code (e.g. E0101).");
        }
        CasesApi.ReportResult result = cases.report(new NewReport(body.category(), body.description(), body.lon(), body.lat(),
                Boolean.TRUE.equals(body.urgent()), body.channel() == null ? Channel.OPERATOR : body.channel()), idempotencyKey);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.view());
    }

    @GetMapping("/{id}")
    CaseView get(@PathVariable String id) {
        return cases.get(parse(id));
    }

    /** The department instances that can take the case where it is, the routing suggestion first. */
    @GetMapping("/{id}/departments")
    List<civicgrid.cases.DepartmentChoice> departments(@PathVariable String id) {
        return cases.departmentsFor(parse(id));
    }

    @GetMapping("/{id}/history")
    List<Map<String, Object>> history(@PathVariable String id) {
        return cases.history(parse(id));
    }

    @PostMapping(value = "/{id}/attachments", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    civicgrid.cases.Attachment attach(@PathVariable String id,
                                      @org.springframework.web.bind.annotation.RequestPart("file")
                                      org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        return cases.attach(parse(id), file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/{id}/attachments")
    List<civicgrid.cases.Attachment> attachments(@PathVariable String id) {
        return cases.attachments(parse(id));
    }

    @GetMapping("/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable java.util.UUID attachment) {
        CaseId caseId = parse(id);
        civicgrid.cases.Attachment meta = cases.attachments(caseId).stream().filter(a -> a.id().equals(attachment.toString()))
                .findFirst().orElseThrow(() -> CivicGridException.notFound("ATTACHMENT_NOT_FOUND", "No such attachment."));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(meta.contentType()))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, max-age=3600")
                .body(cases.attachmentContent(caseId, attachment));
    }

    @GetMapping("/{id}/reporters")
    List<String> reporters(@PathVariable String id) {
        return cases.reporters(parse(id));
    }

    record ActionBody(@Size(max = 1000) String reason, @Size(max = 40) String department, Integer rating,
                      @DecimalMin(value = "0.01") @DecimalMax("1000") BigDecimal extension,
                      @Size(max = 10) List<@NotBlank @Size(max = 40) String> departments, @Size(max = 36) String mergeInto,
                      Long expectedVersion) {
    }

    @PostMapping("/{id}/actions/{action}")
    CaseView act(@PathVariable String id, @PathVariable String action, @Valid @RequestBody(required = false) ActionBody body) {
        CaseAction parsed = parseAction(action);
        ActionBody b = body == null ? new ActionBody(null, null, null, null, null, null, null) : body;
        return cases.act(parse(id), parsed, new ActionRequest(b.reason(), b.department(), b.rating(), b.extension(),
                b.departments() == null ? List.of() : b.departments(), b.mergeInto(), b.expectedVersion()));
    }

    @GetMapping
    CasesApi.Page queue(@RequestParam(defaultValue = "team") String queue, @RequestParam(required = false) Set<CaseState> state,
                        @RequestParam(required = false) String category, @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (q != null && q.length() > 100) {
            throw CivicGridException.badRequest("INVALID_QUERY", "Search for at most 100 characters.");
        }
        if (page < 0 || size < 1 || size > 200) {
            throw CivicGridException.badRequest("INVALID_PAGE", "page must be >= 0 and size between 1 and 200.");
        }
        CaseQueue parsed;
        try {
            parsed = CaseQueue.valueOf(queue.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CivicGridException.badRequest("UNKNOWN_QUEUE", "queue must be one of mine, team, overdue, urgent, all, segment.");
        }
        return cases.queue(parsed, state, category, q == null || q.isBlank() ? null : q.strip(), page, size);
    }

    /** Map dots of the open cases of a territory of the caller: {@code [{id, number, lon, lat, light, urgent, state, category}]}. */
    @GetMapping("/points")
    List<civicgrid.cases.CasePoint> points(@RequestParam(required = false) String territory) {
        return cases.points(territory);
    }

    /** GB/T 30428.4 rates for a period (dates in Asia/Shanghai, {@code to} exclusive) and territory. */
    @GetMapping("/rates")
    List<civicgrid.cases.Rates> rates(@RequestParam java.time.LocalDate from, @RequestParam java.time.LocalDate to,
                                      @RequestParam(required = false) String territory,
                                      @RequestParam(required = false) String department,
                                      @RequestParam(defaultValue = "NONE") civicgrid.cases.RatesGroupBy groupBy) {
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        if (territory != null) {
            civicgrid.geo.UnitCode.of(territory);
        }
        return cases.rates(from.atStartOfDay(china).toInstant(), to.atStartOfDay(china).toInstant(), territory, department, groupBy);
    }

    /** Dashboard figures for a period (dates in Asia/Shanghai, {@code to} exclusive) and a territory of the caller. */
    @GetMapping("/stats")
    civicgrid.cases.Stats stats(@RequestParam java.time.LocalDate from, @RequestParam java.time.LocalDate to,
                                @RequestParam(required = false) String territory, @RequestParam(required = false) String category) {
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        if (territory != null) {
            civicgrid.geo.UnitCode.of(territory);
        }
        return cases.stats(from.atStartOfDay(china).toInstant(), to.atStartOfDay(china).toInstant(), territory, category);
    }

    /** The big screen's figures of a territory of the caller: today, open now, rates of 30 days, ranking one level down. */
    @GetMapping("/screen")
    civicgrid.cases.ScreenFigures screen(@RequestParam(required = false) String territory) {
        return cases.screen(territory);
    }

    /** Open cases by light per district, street, community or grid of a territory of the caller, with names and centres. */
    @GetMapping("/open-counts")
    List<civicgrid.cases.OpenCount> openCounts(@RequestParam(required = false) String territory,
                                               @RequestParam civicgrid.geo.TerritoryLevel level) {
        return cases.openCounts(territory, level);
    }

    private static CaseId parse(String id) {
        try {
            return CaseId.parse(id);
        } catch (IllegalArgumentException e) {
            throw CivicGridException.badRequest("INVALID_CASE_ID", "'" + id + "' is not a case id.");
        }
    }

    private static CaseAction parseAction(String action) {
        try {
            CaseAction parsed = CaseAction.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (!parsed.byHand()) {
                throw new IllegalArgumentException();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw CivicGridException.badRequest("UNKNOWN_ACTION", "No action '" + action + "'.");
        }
    }
}
