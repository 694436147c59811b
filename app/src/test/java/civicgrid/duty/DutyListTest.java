package civicgrid.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import civicgrid.duty.domain.Cadence;
import civicgrid.duty.domain.DueTask;
import civicgrid.duty.domain.DutyCategory;
import civicgrid.duty.domain.DutyItem;
import civicgrid.duty.domain.DutyList;
import civicgrid.duty.domain.Subject;
import civicgrid.duty.domain.SubjectKind;
import civicgrid.duty.domain.TickCheck;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The day's plan from the duty list, without Spring or a database. */
class DutyListTest {

    static final String GRID = "500104001001001";
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final DutyList LIST = new DutyList(1, START, List.of(
            new DutyItem("PATROL", DutyCategory.PATROL_AND_VISITS, "网格日常巡查", "Daily patrol", SubjectKind.GRID, Cadence.daily(), null),
            new DutyItem("VISIT_LONE_ELDERLY", DutyCategory.PATROL_AND_VISITS, "走访独居老人", "Visit the lone elderly",
                    SubjectKind.LONE_ELDERLY, Cadence.everyDays(3), null),
            new DutyItem("KEY_PLACE_FIRE_LANE", DutyCategory.KEY_PLACES, "检查消防通道", "Check fire lanes", SubjectKind.KEY_PLACE,
                    Cadence.weekly(), null),
            new DutyItem("RIVERBANK", DutyCategory.DISTRICT_PLUS_ONE, "长江岸线巡查", "Riverbank patrol", SubjectKind.GRID,
                    Cadence.weekly(), "500104"),
            new DutyItem("OLD_TOWN_CROWDS", DutyCategory.DISTRICT_PLUS_ONE, "古镇人流疏导", "Old-town crowds", SubjectKind.GRID,
                    Cadence.daily(), "500106")));

    static final Subject ELDER = new Subject(SubjectKind.LONE_ELDERLY, "person-1", LocalDate.of(2026, 3, 10), 106.48, 29.48);

    List<DueTask> plan(LocalDate date, List<Subject> subjects) {
        return LIST.dueTasks(date, "worker-1", GRID, 106.49, 29.49, Map.of(SubjectKind.LONE_ELDERLY, subjects));
    }

    List<DueTask> visits(LocalDate date) {
        return plan(date, List.of(ELDER)).stream().filter(t -> t.itemCode().equals("VISIT_LONE_ELDERLY")).toList();
    }

    @Test
    void aLoneElderlyResidentDueEveryThreeDaysGetsExactlyOneVisitOnTheRightDays() {
        List<LocalDate> visitDays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 3, 8); d.isBefore(LocalDate.of(2026, 3, 20)); d = d.plusDays(1)) {
            List<DueTask> due = visits(d);
            assertThat(due).hasSizeLessThanOrEqualTo(1);
            if (!due.isEmpty()) {
                DueTask t = due.get(0);
                assertThat(t.subjectKey()).isEqualTo("person-1");
                assertThat(t.date()).isEqualTo(d);
                assertThat(t.lon()).isEqualTo(106.48);
                visitDays.add(d);
            }
        }
        assertThat(visitDays).containsExactly(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 16),
                LocalDate.of(2026, 3, 19));
    }

    @Test
    void theGridGetsItsDailyPatrolAndItsDistrictsPlusOneOnly() {
        LocalDate weekOfStart = START.plusWeeks(10);
        List<String> items = plan(weekOfStart, List.of()).stream().map(DueTask::itemCode).toList();
        assertThat(items).containsExactly("PATROL", "RIVERBANK");
        assertThat(plan(weekOfStart.plusDays(1), List.of()).stream().map(DueTask::itemCode)).containsExactly("PATROL");
        assertThat(LIST.itemsFor("500106004001001").stream().map(DutyItem::code)).contains("OLD_TOWN_CROWDS").doesNotContain("RIVERBANK");
    }

    @Test
    void planningTheSameDayTwiceGivesTheSameNaturalKeys() {
        LocalDate d = LocalDate.of(2026, 3, 13);
        assertThat(plan(d, List.of(ELDER)).stream().map(DueTask::naturalKey).toList())
                .isEqualTo(plan(d, List.of(ELDER)).stream().map(DueTask::naturalKey).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void nothingIsDueBeforeTheSubjectEntersTheRegister() {
        assertThat(visits(LocalDate.of(2026, 3, 7))).isEmpty();
        assertThat(visits(LocalDate.of(2026, 3, 9))).isEmpty();
    }

    @Test
    void aDistrictItemNamesItsDistrictAndCadencesAreBounded() {
        assertThatThrownBy(() -> new DutyItem("X", DutyCategory.DISTRICT_PLUS_ONE, "x", "x", SubjectKind.GRID, Cadence.daily(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cadence.everyDays(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewVersionReplacesOnlyThePartItsPublisherOwns() {
        DutyItem flood = new DutyItem("FLOOD_SEASON", DutyCategory.DISTRICT_PLUS_ONE, "汛期巡查", "Flood season", SubjectKind.GRID,
                Cadence.daily(), "500104");
        DutyList district = LIST.withDistrictItems("500104", List.of(flood));
        assertThat(district.version()).isEqualTo(2);
        assertThat(district.items().stream().map(DutyItem::code))
                .containsExactlyInAnyOrder("PATROL", "VISIT_LONE_ELDERLY", "KEY_PLACE_FIRE_LANE", "FLOOD_SEASON", "OLD_TOWN_CROWDS");
        DutyList city = district.withCityItems(List.of(LIST.items().get(0)));
        assertThat(city.version()).isEqualTo(3);
        assertThat(city.items().stream().map(DutyItem::code)).containsExactlyInAnyOrder("PATROL", "FLOOD_SEASON", "OLD_TOWN_CROWDS");
        assertThatThrownBy(() -> LIST.withDistrictItems("500106", List.of(flood))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LIST.withCityItems(List.of(flood))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTickFarFromThePlaceOrWithoutPositionIsFlagged() {
        TickCheck check = new TickCheck(300);
        assertThat(check.check(106.5, 29.5, 106.5, 29.5005).flag()).isNull();
        TickCheck.Outcome far = check.check(106.5, 29.5, 106.51, 29.5);
        assertThat(far.flag()).isEqualTo(TickCheck.Flag.FAR_FROM_PLACE);
        assertThat(far.distanceMeters()).isBetween(900.0, 1000.0);
        assertThat(check.check(106.5, 29.5, null, null).flag()).isEqualTo(TickCheck.Flag.NO_POSITION);
    }
}
