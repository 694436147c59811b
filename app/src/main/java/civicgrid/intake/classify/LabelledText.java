package civicgrid.intake.classify;

/** One training example: a report's text and the category a person gave it. */
public record LabelledText(String category, String text) {
}
