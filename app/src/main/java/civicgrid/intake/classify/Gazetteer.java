package civicgrid.intake.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the places a report names: districts, streets and communities of the territory by their
 * full or usual short names (新山村街道 or 新山村, 东方广场社区居民委员会 or 东方广场社区), longest
 * match first, and roads, compounds and landmarks by their suffixes (建设路, 锦绣小区, 菜市场).
 */
public final class Gazetteer {

    /** A unit of the territory as the gazetteer knows it. */
    public record Unit(String code, String name, String level, String parentCode) {
    }

    /** A place found in a text: the unit when it is one of the territory's (else null), and where it stands. */
    public record Mention(String text, Unit unit, int start, int end) {
    }

    private static final int LONGEST = 16;
    private static final Pattern LANDMARK = Pattern.compile(
            "[\\p{IsHan}0-9]{1,8}?(?:大道|路|街|巷|大桥|立交|广场|小区|花园|公园|菜市场|市场|轻轨站|地铁站|车站|学校|小学|中学|医院)"
                    + "(?:[0-9一二三四五六七八九十]+(?:号|栋|单元))?");
    private static final Pattern GENERIC = Pattern.compile("^(?:这|那|我们|我家|小区|马路|路|街|道|在|到|从|去|的|有|个|条)+");

    private final Map<String, List<Unit>> byName = new HashMap<>();

    public Gazetteer(List<Unit> units) {
        for (Unit u : units) {
            for (String alias : aliases(u)) {
                byName.computeIfAbsent(alias, k -> new ArrayList<>()).add(u);
            }
        }
    }

    static List<String> aliases(Unit u) {
        List<String> names = new ArrayList<>(List.of(u.name()));
        String shortName = u.name().replaceFirst("(社区居民委员会|村民委员会|居民委员会|社区居委会)$", "");
        if (!shortName.equals(u.name())) {
            names.add(shortName + (u.name().contains("社区") ? "社区" : "村"));
            if (shortName.length() >= 3) {
                names.add(shortName);
            }
        }
        String street = u.name().replaceFirst("(街道|镇|乡)$", "");
        if (!street.equals(u.name()) && street.length() >= 2 && "STREET".equals(u.level())) {
            names.add(street + (u.name().endsWith("街道") ? "街道" : u.name().substring(street.length())));
            if (street.length() >= 3) {
                names.add(street);
            }
        }
        String district = u.name().replaceFirst("(区|县)$", "");
        if ("DISTRICT".equals(u.level()) && district.length() >= 2) {
            names.add(district);
        }
        return names.stream().distinct().toList();
    }

    /** Units and landmarks named in the text, in order of appearance; a unit named inside a named district wins over its namesakes. */
    public List<Mention> find(String text) {
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Mention m = unitAt(text, i);
            if (m != null) {
                found.add(m);
                i = m.end();
            } else {
                i++;
            }
        }
        List<Mention> landmarks = new ArrayList<>();
        Matcher matcher = LANDMARK.matcher(text);
        while (matcher.find()) {
            int start = matcher.start();
            Matcher generic = GENERIC.matcher(matcher.group());
            if (generic.find()) {
                start += generic.end();
            }
            int s = start;
            int e = matcher.end();
            boolean insideUnit = found.stream().anyMatch(u -> s < u.end() && e > u.start());
            if (e - s >= 3 && !insideUnit) {
                landmarks.add(new Mention(text.substring(s, e), null, s, e));
            }
        }
        found.addAll(landmarks);
        found.sort(java.util.Comparator.comparingInt(Mention::start));
        return resolve(found);
    }

    /** The text with the territory's names taken out: they say where, not what, and would mislead a classifier. */
    public String withoutUnitNames(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            Mention m = unitAt(text, i);
            if (m != null) {
                out.append(' ');
                i = m.end();
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private Mention unitAt(String text, int start) {
        for (int len = Math.min(LONGEST, text.length() - start); len >= 2; len--) {
            List<Unit> units = byName.get(text.substring(start, start + len));
            if (units != null) {
                return new Mention(text.substring(start, start + len), units.get(0), start, start + len);
            }
        }
        return null;
    }

    /** Namesakes: prefer the unit inside a district or street the text also names. */
    private List<Mention> resolve(List<Mention> mentions) {
        List<String> named = mentions.stream().filter(m -> m.unit() != null).map(m -> m.unit().code()).toList();
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            if (m.unit() == null) {
                out.add(m);
                continue;
            }
            List<Unit> candidates = byName.get(m.text());
            Unit best = candidates.stream()
                    .filter(u -> named.stream().anyMatch(code -> !code.equals(u.code()) && u.code().startsWith(code)))
                    .findFirst().orElse(candidates.get(0));
            out.add(new Mention(m.text(), best, m.start(), m.end()));
        }
        return out;
    }
}
