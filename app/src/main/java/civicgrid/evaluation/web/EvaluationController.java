package civicgrid.evaluation.web;

import civicgrid.evaluation.EvaluationApi;
import civicgrid.evaluation.ProblemClass;
import civicgrid.evaluation.Scorecard;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    record Items<T>(List<T> items) {
    }

    record Decision(String reason) {
    }

    /** The classes of problems of a district (or of every district of the caller for the city). */
    @GetMapping("/classes")
    Items<ProblemClass> classes(@RequestParam(required = false) String unit) {
        return new Items<>(evaluation.classes(unit));
    }

    /** Runs class discovery now (district and city centers). */
    @PostMapping("/classes/discover")
    Items<ProblemClass> discover(@RequestParam(required = false) String unit) {
        return new Items<>(evaluation.discover(unit));
    }

    /** Accepts a proposed class: one project case is opened for all its cases. */
    @PostMapping("/classes/{id}/accept")
    ProblemClass accept(@PathVariable String id, @RequestBody(required = false) Decision body) {
        return evaluation.accept(id, body == null ? null : body.reason());
    }

    /** Dismisses a proposed class, saying why. */
    @PostMapping("/classes/{id}/dismiss")
    ProblemClass dismiss(@PathVariable String id, @RequestBody(required = false) Decision body) {
        return evaluation.dismiss(id, body == null ? null : body.reason());
    }
}
