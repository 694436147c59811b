package civicgrid.intake.web;

import civicgrid.intake.Classification;
import civicgrid.intake.Classifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/intake/classify} {@code {"text": "..."}} → the suggested categories (best first,
 * at least three), the places named and the urgency; {@code POST /api/v1/intake/classify/corrections}
 * {@code {"text", "category"}} teaches the classifier an operator's decision.
 */
@RestController
@RequestMapping("/api/v1/intake/classify")
class ClassifyController {

    private final Classifier classifier;

    ClassifyController(Classifier classifier) {
        this.classifier = classifier;
    }

    record ClassifyBody(@NotBlank @Size(max = 2000) String text, @Min(3) @Max(10) Integer limit) {
    }

    record CorrectionBody(@NotBlank @Size(max = 2000) String text, @NotBlank @Size(max = 10) String category) {
    }

    @PostMapping
    Classification classify(@Valid @RequestBody ClassifyBody body) {
        return classifier.classify(body.text(), body.limit() == null ? 3 : body.limit());
    }

    @PostMapping("/corrections")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void correct(@Valid @RequestBody CorrectionBody body) {
        classifier.correct(body.text(), body.category());
    }
}
