package civicgrid.intake.classify;

import civicgrid.intake.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a report's text: the likeliest categories (a model trained on the labelled corpus and
 * operators' corrections), the places it names and its urgency. Spring-free and immutable; a
 * correction makes a new one.
 */
public final class ReportClassifier {

    /** Words that make a report urgent whatever its category: danger to life, fire, gas, collapse, people trapped. */
    static final List<String> DANGER_CUES = List.of("着火", "起火", "失火", "火灾", "冒烟", "烟雾", "爆炸", "漏气", "燃气味", "煤气味",
            "天然气味", "气味很大", "塌了", "塌陷", "垮了", "垮塌", "滑坡", "泥石流", "困人", "被困", "关在里面", "救命", "受伤", "流血",
            "晕倒", "昏迷", "倒地", "触电", "漏电", "溺水", "掉下去", "砸到人", "砸伤", "打架", "持刀", "危及", "生命危险", "紧急");
    /** Categories whose reports are emergencies by nature (GB/T 30428 突发事件, and life-signal alarms). */
    static final Set<String> URGENT_MAJORS = Set.of("E04");
    static final Set<String> URGENT_CATEGORIES = Set.of("E1101", "E1103", "E1104", "E0606");

    public record CategoryName(String code, String majorCode, String nameZh, String nameEn) {
    }

    private final TextFeatures features;
    private final Gazetteer gazetteer;
    private final LinearModel model;
    private final Function<String, CategoryName> names;

    public ReportClassifier(TextFeatures features, Gazetteer gazetteer, LinearModel model, Function<String, CategoryName> names) {
        this.features = features;
        this.gazetteer = gazetteer;
        this.model = model;
        this.names = names;
    }

    /** Trains on the texts (the territory's names taken out: they say where, not what). */
    public static LinearModel train(TextFeatures features, Gazetteer gazetteer, List<LabelledText> texts, Map<LabelledText, Double> weights) {
        List<LinearModel.Example> examples = new ArrayList<>(texts.size());
        for (LabelledText t : texts) {
            examples.add(new LinearModel.Example(t.category(), features.of(gazetteer.withoutUnitNames(t.text())),
                    weights.getOrDefault(t, 1.0)));
        }
        return LinearModel.train(examples);
    }

    /** Top {@code limit} categories (at least three), the places named, and urgency. */
    public Classification classify(String text, int limit) {
        List<Classification.Suggestion> suggestions = model.classify(features.of(gazetteer.withoutUnitNames(text)), Math.max(3, limit))
                .stream().map(s -> {
                    CategoryName n = names.apply(s.category());
                    return new Classification.Suggestion(s.category(), Math.round(s.probability() * 10_000) / 10_000.0,
                            n == null ? null : n.nameZh(), n == null ? null : n.nameEn());
                }).toList();
        List<Classification.Place> places = gazetteer.find(text).stream().map(m -> new Classification.Place(m.text(),
                m.unit() == null ? null : m.unit().code(), m.unit() == null ? "LANDMARK" : m.unit().level(),
                m.unit() == null ? null : m.unit().name())).toList();
        List<String> cues = DANGER_CUES.stream().filter(text::contains).toList();
        Classification.Suggestion best = suggestions.get(0);
        CategoryName bestName = names.apply(best.category());
        boolean urgentCategory = best.score() >= 0.5 && (URGENT_CATEGORIES.contains(best.category())
                || bestName != null && URGENT_MAJORS.contains(bestName.majorCode()));
        return new Classification(suggestions, places, new Classification.Urgency(!cues.isEmpty() || urgentCategory, cues));
    }
}
