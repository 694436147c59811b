package civicgrid.duty.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One published version of the city's duty list, with the districts' "+1" items beside the city's.
 * {@link #dueTasks} is the day's plan for one worker in one grid: every item that applies to the
 * grid, for every subject of the item's kind whose cadence falls on that day.
 */
public record DutyList(int version, LocalDate startsOn, List<DutyItem> items) {

    public DutyList {
        items = List.copyOf(items);
        Set<String> codes = items.stream().map(DutyItem::code).collect(Collectors.toSet());
        if (codes.size() != items.size()) {
            throw new IllegalArgumentException("Duty list " + version + " names an item twice.");
        }
    }

    /** The next version with the city's own items replaced and every district's "+1" kept. */
    public DutyList withCityItems(List<DutyItem> cityItems) {
        for (DutyItem item : cityItems) {
            if (item.districtCode() != null || item.category() == DutyCategory.DISTRICT_PLUS_ONE) {
                throw new IllegalArgumentException("The city's item " + item.code() + " belongs to no district.");
            }
        }
        List<DutyItem> next = new ArrayList<>(cityItems);
        items.stream().filter(i -> i.districtCode() != null).forEach(next::add);
        return new DutyList(version + 1, startsOn, next);
    }

    /** The next version with one district's "+1" items replaced; the city's and other districts' items stay. */
    public DutyList withDistrictItems(String districtCode, List<DutyItem> districtItems) {
        for (DutyItem item : districtItems) {
            if (!districtCode.equals(item.districtCode()) || item.category() != DutyCategory.DISTRICT_PLUS_ONE) {
                throw new IllegalArgumentException("The item " + item.code() + " is not a \"+1\" of district " + districtCode + ".");
            }
        }
        List<DutyItem> next = new ArrayList<>(items.stream().filter(i -> !districtCode.equals(i.districtCode())).toList());
        next.addAll(districtItems);
        return new DutyList(version + 1, startsOn, next);
    }

    /** The items a grid works on: the city's and its district's. */
    public List<DutyItem> itemsFor(String gridCode) {
        return items.stream().filter(i -> i.appliesTo(gridCode)).toList();
    }

    /** The kinds of register subject the grid's items need (the planner's caller loads only these). */
    public Set<SubjectKind> subjectKindsFor(String gridCode) {
        return itemsFor(gridCode).stream().map(DutyItem::subjectKind).collect(Collectors.toSet());
    }

    /**
     * The tasks due on {@code date} for {@code workerId} in {@code gridCode}. {@code subjects} are the
     * grid's register entries by kind; the grid itself is a subject anchored on the list's start, at
     * ({@code gridLon}, {@code gridLat}).
     */
    public List<DueTask> dueTasks(LocalDate date, String workerId, String gridCode, double gridLon, double gridLat,
                                  Map<SubjectKind, List<Subject>> subjects) {
        List<DueTask> due = new ArrayList<>();
        Subject grid = new Subject(SubjectKind.GRID, gridCode, startsOn, gridLon, gridLat);
        for (DutyItem item : itemsFor(gridCode)) {
            List<Subject> candidates = item.subjectKind() == SubjectKind.GRID ? List.of(grid)
                    : subjects.getOrDefault(item.subjectKind(), List.of());
            for (Subject s : candidates) {
                if (s.kind() == item.subjectKind() && item.cadence().isDue(s.anchor(), date)) {
                    due.add(new DueTask(workerId, gridCode, item.code(), version, s.kind(), s.key(), date, s.lon(), s.lat()));
                }
            }
        }
        due.sort(Comparator.comparing(DueTask::itemCode).thenComparing(DueTask::subjectKey));
        return due;
    }
}
