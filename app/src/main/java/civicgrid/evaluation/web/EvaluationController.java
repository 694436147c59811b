package civicgrid.evaluation.web;

import civicgrid.evaluation.EvaluationApi;
import civicgrid.evaluation.Scorecard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Evaluation over HTTP: scorecards and classes of problems. */
@RestController
@RequestMapping("/api/v1/evaluation")
class EvaluationController {

    private final EvaluationApi evaluation;

    EvaluationController(EvaluationApi evaluation) {
        this.evaluation = evaluation;
    }

    /** Rates, scores and grades of the persons, departments or units of a territory in a period. */
    @GetMapping("/scorecards")
    Scorecard.Sheet scorecards(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                               @RequestParam(required = false) String by) {
        return evaluation.scorecards(unit, period, by);
    }
}
