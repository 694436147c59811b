package civicgrid.intake;

import java.util.List;

/**
 * What a report's text suggests: categories best first (scores sum to at most 1), the places it
 * names, and whether it sounds urgent.
 */
public record Classification(List<Suggestion> suggestions, List<Place> places, Urgency urgency) {

    public record Suggestion(String category, double score, String nameZh, String nameEn) {
    }

    /** A place named in the text: a unit of the territory (with its code) or a road, compound or landmark (code null). */
    public record Place(String text, String code, String level, String name) {
    }

    /** {@code urgent} when the text carries danger cues or the likeliest category is an emergency. */
    public record Urgency(boolean urgent, List<String> cues) {
    }
}
