package civicgrid.evaluation.web;

import civicgrid.evaluation.EvaluationReportsApi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tiering, trend alarms and the daily and weekly reports over HTTP. */
@RestController
@RequestMapping("/api/v1/evaluation")
class ReportsController {

    private final EvaluationReportsApi api;

    ReportsController(EvaluationReportsApi api) {
        this.api = api;
    }

    /** How the cases closed in a period inside a unit were solved: self-service online, cross-department, joint enforcement. */
    @GetMapping("/tiers")
    EvaluationReportsApi.TierSplit tiers(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                                         @RequestParam(required = false) String category) {
        return api.tiers(unit, period, category);
    }

    /** Categories rising in a grid beyond their usual band, as computed for a day (the latest by default). */
    @GetMapping("/trends")
    EvaluationReportsApi.TrendAlarms trends(@RequestParam(required = false) String unit, @RequestParam(required = false) String day) {
        return api.trends(unit, day);
    }

    /** The kept daily and weekly reports of a unit and the units inside it. */
    @GetMapping("/reports")
    EvaluationController.Items<EvaluationReportsApi.Report> reports(@RequestParam(required = false) String unit) {
        return new EvaluationController.Items<>(api.reports(unit));
    }

    /** Makes a report of a street or district now (kind daily or weekly; the last complete day or week by default). */
    @PostMapping("/reports")
    EvaluationReportsApi.Report generate(@RequestParam(required = false) String unit, @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String period) {
        return api.generate(unit, kind, period);
    }

    /** A report as PDF. */
    @GetMapping(value = "/reports/{id}/pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        return file(api.download(id, true));
    }

    /** A report as an Excel workbook. */
    @GetMapping(value = "/reports/{id}/xlsx", produces = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> xlsx(@PathVariable String id) {
        return file(api.download(id, false));
    }

    private static ResponseEntity<byte[]> file(EvaluationReportsApi.File f) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.filename()).build().toString())
                .body(f.content());
    }
}
