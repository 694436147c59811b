package civicgrid.evaluation.web;

import civicgrid.evaluation.Assessment;
import civicgrid.evaluation.AssessmentApi;
import civicgrid.evaluation.assessment.ScoringVersions;
import civicgrid.evaluation.domain.ScoringDraft;
import civicgrid.evaluation.rebuild.FiguresRebuild;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One assessment, three uses over HTTP: the sheets and their CSV, the scoring scheme's versions, the figures' rebuild. */
@RestController
@RequestMapping("/api/v1/evaluation")
class AssessmentController {

    private final AssessmentApi assessment;

    AssessmentController(AssessmentApi assessment) {
        this.assessment = assessment;
    }

    /** Scores and grades of road segments, trades, persons or frontage-duty shops in a unit and period. */
    @GetMapping("/assessments")
    Assessment.Sheet assessments(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                                 @RequestParam(required = false) String of) {
        return assessment.sheet(unit, period, of);
    }

    /** The same as CSV (for awards, pay and funding). */
    @GetMapping("/assessments.csv")
    ResponseEntity<byte[]> assessmentsCsv(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                                          @RequestParam(required = false) String of) {
        byte[] csv = assessment.csv(unit, period, of);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("assessment.csv").build().toString())
                .body(csv);
    }

    record Items<T>(List<T> items) {
    }

    /** Every version of the scoring scheme (weights, bands, shop penalty). */
    @GetMapping("/scoring-versions")
    Items<ScoringVersions.Version> scoringVersions() {
        return new Items<>(assessment.scoringVersions());
    }

    /** Adds a version of the scoring scheme. */
    @PostMapping("/scoring-versions")
    ResponseEntity<ScoringVersions.Version> addScoringVersion(@RequestBody(required = false) ScoringDraft draft) {
        return ResponseEntity.status(201).body(assessment.addScoringVersion(draft));
    }

    /** Counts every existing case again (administrator). */
    @PostMapping("/figures/rebuild")
    FiguresRebuild.Outcome rebuild() {
        return assessment.rebuildFigures();
    }
}
