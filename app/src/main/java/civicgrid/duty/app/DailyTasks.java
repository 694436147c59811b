package civicgrid.duty.app;

import civicgrid.audit.AuditApi;
import civicgrid.duty.domain.DueTask;
import civicgrid.duty.domain.DutyItem;
import civicgrid.duty.domain.DutyList;
import civicgrid.duty.domain.RegisterKind;
import civicgrid.duty.domain.Subject;
import civicgrid.duty.domain.SubjectKind;
import civicgrid.duty.domain.TickCheck;
import civicgrid.duty.persistence.DutyListStore;
import civicgrid.duty.persistence.RegisterStore;
import civicgrid.duty.persistence.TaskStore;
import civicgrid.duty.persistence.TaskStore.StoredTask;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.PersonalData;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import civicgrid.platform.photos.PhotoScrubber;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grid workers' days: planning (every morning for everybody, and on demand for one worker),
 * the day's list masked for the viewer, ticking a task off on the spot, and completion rates.
 */
@Service
public class DailyTasks {

    private static final Logger log = LoggerFactory.getLogger(DailyTasks.class);
    private static final int MAX_NOTE = 1000;
    private static final int WORKERS_PER_PAGE = 500;
    private static final int PLAN_AHEAD_DAYS = 7;
    private final TaskStore tasks;
    private final DutyListStore lists;
    private final RegisterStore registers;
    private final IdentityApi identity;
    private final GeoApi geo;
    private final AuditApi audit;
    private final DutyProperties properties;
    private final Clock clock;
    private final PhotoScrubber scrubber = new PhotoScrubber();

    DailyTasks(TaskStore tasks, DutyListStore lists, RegisterStore registers, IdentityApi identity, GeoApi geo, AuditApi audit,
               DutyProperties properties, Clock clock) {
        this.tasks = tasks;
        this.lists = lists;
        this.registers = registers;
        this.identity = identity;
        this.geo = geo;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** Plans {@code date} for every enabled grid worker; returns how many tasks were new. Safe to run twice or on two nodes. */
    public int planEverybody(LocalDate date) {
        DutyList list = lists.current();
        int created = 0;
        int workers = 0;
        // keyset paging over the accounts: an offset would make the database skip ever more rows (65,000 workers)
        for (String after = ""; ; ) {
            List<CurrentUser> page = identity.enabledUsersAfter(Role.GRID_WORKER, after, WORKERS_PER_PAGE);
            created += plan(list, page, date);
            workers += page.size();
            if (page.size() < WORKERS_PER_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).username();
        }
        log.info("Planned {} for {} grid workers: {} new tasks", date, workers, created);
        return created;
    }

    /** Plans one worker's day in each grid of their scope. */
    public int plan(DutyList list, CurrentUser worker, LocalDate date) {
        return plan(list, List.of(worker), date);
    }

    /**
     * Plans the day of a page of workers in each grid of their scopes: one register query per subject
     * kind for the whole page, one multi-row insert per 500 tasks; the unique key keeps a second run
     * (or a concurrent one) harmless. Memory holds one page's subjects at a time.
     */
    int plan(DutyList list, List<CurrentUser> workers, LocalDate date) {
        Map<String, TerritoryUnit> grids = new LinkedHashMap<>();
        for (CurrentUser worker : workers) {
            for (String gridCode : worker.scope().unitCodes()) {
                Optional<TerritoryUnit> grid = UnitCode.isValid(gridCode) ? geo.unit(UnitCode.of(gridCode)) : Optional.empty();
                if (grid.isPresent() && grid.get().level() == TerritoryLevel.GRID) {
                    grids.put(gridCode, grid.get());
                }
            }
        }
        Map<SubjectKind, List<String>> gridsByKind = new EnumMap<>(SubjectKind.class);
        for (String gridCode : grids.keySet()) {
            for (SubjectKind kind : list.subjectKindsFor(gridCode)) {
                gridsByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(gridCode);
            }
        }
        Map<SubjectKind, Map<String, List<Subject>>> subjects = new EnumMap<>(SubjectKind.class);
        gridsByKind.forEach((kind, codes) -> subjects.put(kind, registers.subjectsOf(kind, codes)));
        List<TaskStore.NewTask> due = new ArrayList<>();
        for (CurrentUser worker : workers) {
            for (String gridCode : worker.scope().unitCodes()) {
                TerritoryUnit grid = grids.get(gridCode);
                if (grid == null) {
                    continue;
                }
                Map<SubjectKind, List<Subject>> ofGrid = new EnumMap<>(SubjectKind.class);
                for (SubjectKind kind : list.subjectKindsFor(gridCode)) {
                    ofGrid.put(kind, subjects.getOrDefault(kind, Map.of()).getOrDefault(gridCode, List.of()));
                }
                for (DueTask t : list.dueTasks(date, worker.id().toString(), gridCode, grid.centroidLon(), grid.centroidLat(), ofGrid)) {
                    due.add(new TaskStore.NewTask(worker.username(), worker.displayName(), t));
                }
            }
        }
        return tasks.insertMissing(due);
    }

    /** A task as the API shows it. */
    public record TaskView(UUID id, String item, String titleZh, String titleEn, String state, String gridCode, String worker,
                           LocalDate date, Place place, Map<String, Object> subject, Done done) {
    }

    public record Place(double lon, double lat) {
    }

    public record Done(String at, String by, Double distanceMeters, String flag, String note, boolean photo) {
    }

    /**
     * The day's tasks: a grid worker's own (planned now when the morning job has not reached them yet),
     * or, with {@code unit}, every task of a unit the viewer oversees.
     */
    @Transactional
    public List<TaskView> list(LocalDate date, String unit) {
        CurrentUser viewer = identity.requireCurrentUser();
        DutyList list = lists.current();
        List<StoredTask> found;
        if (unit == null) {
            viewer = identity.requireRole(Role.GRID_WORKER);
            // planned on demand from today up to a week ahead (a phone checking tomorrow); never for the past, whose tasks
            // were planned then, nor far ahead, which would let one account fill the table
            boolean plannable = !date.isBefore(today()) && !date.isAfter(today().plusDays(PLAN_AHEAD_DAYS));
            if (plannable && !tasks.plannedFor(viewer.id().value(), date)) {
                plan(list, viewer, date);
            }
            found = tasks.ofWorker(viewer.id().value(), date);
        } else {
            String prefix = RegisterAccess.gridPrefix(unit);
            identity.requireRole(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR,
                    Role.LEADER, Role.ADMINISTRATOR);
            identity.requireInScope(unit);
            found = tasks.ofUnit(prefix, date, 5000);
        }
        return views(found, list, viewer);
    }

    private List<TaskView> views(List<StoredTask> found, DutyList list, CurrentUser viewer) {
        Map<String, DutyItem> items = list.items().stream().collect(Collectors.toMap(DutyItem::code, i -> i));
        Map<SubjectKind, Map<Long, Map<String, Object>>> rows = new EnumMap<>(SubjectKind.class);
        Map<SubjectKind, List<Long>> ids = new HashMap<>();
        for (StoredTask t : found) {
            SubjectKind kind = SubjectKind.valueOf(t.subjectKind());
            if (kind != SubjectKind.GRID) {
                ids.computeIfAbsent(kind, k -> new ArrayList<>()).add(Long.parseLong(t.subjectKey()));
            }
        }
        ids.forEach((kind, keys) -> rows.put(kind, registers.byIds(register(kind), keys)));
        List<TaskView> out = new ArrayList<>(found.size());
        for (StoredTask t : found) {
            SubjectKind kind = SubjectKind.valueOf(t.subjectKind());
            DutyItem item = items.get(t.itemCode());
            Map<String, Object> subject;
            if (kind == SubjectKind.GRID) {
                subject = new LinkedHashMap<>();
                subject.put("kind", kind.name());
                subject.put("code", t.subjectKey());
                geo.unit(UnitCode.of(t.subjectKey())).ifPresent(u -> subject.put("name", u.name()));
            } else {
                Map<String, Object> row = rows.getOrDefault(kind, Map.of()).get(Long.parseLong(t.subjectKey()));
                subject = row == null ? new LinkedHashMap<>() : new LinkedHashMap<>(Registers.view(register(kind), row, viewer));
                subject.put("kind", kind.name());
            }
            Done done = t.doneAt() == null ? null : new Done(t.doneAt().toString(), t.doneBy(), t.distanceMeters(), t.flag(),
                    RegisterAccess.masker(viewer, t.gridCode()).text(t.note()), t.photoType() != null);
            out.add(new TaskView(t.id(), t.itemCode(), item == null ? t.itemCode() : item.titleZh(), item == null ? null : item.titleEn(),
                    t.state(), t.gridCode(), t.workerUsername(), t.dueDate(), new Place(t.lon(), t.lat()), subject, done));
        }
        return out;
    }

    private static RegisterKind register(SubjectKind kind) {
        return switch (kind) {
            case KEY_PLACE -> RegisterKind.KEY_PLACES;
            case FRONTAGE_SHOP -> RegisterKind.ENTERPRISES;
            case GRID -> throw new IllegalArgumentException("A grid is no register entry.");
            default -> RegisterKind.PEOPLE;
        };
    }

    public record Tick(Double lon, Double lat, String note, byte[] photo) {
    }

    /**
     * Ticks a task off: only a grid worker of the task's grid may (403 OUT_OF_SCOPE for another grid's
     * task); the photo is scrubbed, the position compared with the task's place.
     */
    @Transactional
    public TaskView done(UUID id, Tick tick) {
        CurrentUser worker = identity.requireRole(Role.GRID_WORKER);
        StoredTask task = tasks.find(id).orElseThrow(() -> CivicGridException.notFound("TASK_NOT_FOUND", "No duty task " + id + "."));
        if (!worker.sees(task.gridCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This task belongs to grid " + task.gridCode() + ", outside your scope.");
        }
        if ((tick.lon() == null) != (tick.lat() == null)) {
            throw CivicGridException.badRequest("INVALID_COORDINATES", "Send lon and lat together.");
        }
        if (tick.lon() != null) {
            GeoApi.requireValidCoordinates(tick.lon(), tick.lat());
        }
        if (tick.note() != null && tick.note().length() > MAX_NOTE) {
            throw CivicGridException.badRequest("NOTE_TOO_LONG", "A note has at most " + MAX_NOTE + " characters.");
        }
        PhotoScrubber.Scrubbed photo = null;
        if (tick.photo() != null && tick.photo().length > 0) {
            photo = scrubber.scrubUpload(tick.photo());
        }
        TickCheck.Outcome outcome = new TickCheck(properties.tickMaxMeters()).check(task.lon(), task.lat(), tick.lon(), tick.lat());
        String flag = outcome.flag() == null ? null : outcome.flag().name();
        String note = tick.note() == null || tick.note().isBlank() ? null : tick.note().strip();
        if (!tasks.markDone(id, worker.username(), clock.instant(), tick.lon(), tick.lat(), outcome.distanceMeters(), flag, note,
                photo == null ? null : photo.content(), photo == null ? null : photo.type())) {
            throw CivicGridException.conflict("TASK_ALREADY_DONE", "This task was ticked off already.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("item", task.itemCode());
        details.put("grid", task.gridCode());
        details.put("photo", photo != null);
        if (outcome.distanceMeters() != null) {
            details.put("distanceMeters", Math.round(outcome.distanceMeters()));
        }
        if (flag != null) {
            details.put("flag", flag);
        }
        audit.record("DUTY_TASK_DONE", "DUTY_TASK", id.toString(), null, details);
        return views(List.of(tasks.find(id).orElseThrow()), lists.current(), worker).get(0);
    }

    public record CompletionRow(String key, String name, long total, long done, long flagged, long overdue, double rate) {
    }

    /** Completion per worker, grid, community or street inside {@code unit}, over the days {@code from}..{@code to}; names in words. */
    public List<CompletionRow> completion(String unit, String by, LocalDate from, LocalDate to) {
        String prefix = RegisterAccess.gridPrefix(unit);
        identity.requireRole(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR,
                Role.LEADER, Role.ADMINISTRATOR);
        CurrentUser viewer = identity.requireInScope(unit);
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw CivicGridException.badRequest("INVALID_PERIOD", "from must not be after to, and the period is at most a year.");
        }
        Integer length = switch (by == null ? "grid" : by) {
            case "worker" -> null;
            case "grid" -> 15;
            case "community" -> 12;
            case "street" -> 9;
            default -> throw CivicGridException.badRequest("INVALID_GROUPING", "by is one of worker, grid, community, street.");
        };
        PersonalData.Masker mask = PersonalData.forViewerIn(viewer, unit);
        Map<String, String> names = new HashMap<>();
        return tasks.completion(prefix, from, to, today(), length).stream()
                .map(c -> new CompletionRow(c.key(), length == null ? mask.name(c.workerName() == null ? c.key() : c.workerName())
                        : unitName(names, c.key()), c.total(), c.done(), c.flagged(), c.overdue(),
                        c.total() == 0 ? 0 : Math.round(1000.0 * c.done() / c.total()) / 1000.0))
                .toList();
    }

    private String unitName(Map<String, String> names, String code) {
        return names.computeIfAbsent(code, k -> UnitCode.isValid(k) ? geo.unit(UnitCode.of(k)).map(TerritoryUnit::name).orElse(k) : k);
    }

    /** Most overdue tasks listed at once. */
    public static final int MAX_OVERDUE = 1000;

    public record OverdueTask(UUID id, String item, String titleZh, String titleEn, String gridCode, String gridName, String worker,
                              LocalDate date, Place place) {
    }

    /**
     * Tasks of a past day (yesterday by default) left open, for the community and street above the
     * grid (and the centers and leaders over them): what, where, whose; no resident's data.
     */
    public List<OverdueTask> overdue(String unit, LocalDate date) {
        String prefix = RegisterAccess.gridPrefix(unit);
        identity.requireRole(Role.COMMUNITY_STAFF, Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR, Role.LEADER,
                Role.ADMINISTRATOR);
        CurrentUser viewer = identity.requireInScope(unit);
        LocalDate day = date == null ? today().minusDays(1) : date;
        if (!day.isBefore(today())) {
            throw CivicGridException.badRequest("INVALID_DATE", "Overdue tasks are those of a past day; date must be before today.");
        }
        Map<String, DutyItem> items = lists.current().items().stream().collect(Collectors.toMap(DutyItem::code, i -> i));
        PersonalData.Masker mask = PersonalData.forViewerIn(viewer, unit);
        Map<String, String> names = new HashMap<>();
        return tasks.openOn(prefix, day, MAX_OVERDUE).stream().map(t -> {
            DutyItem item = items.get(t.itemCode());
            return new OverdueTask(t.id(), t.itemCode(), item == null ? t.itemCode() : item.titleZh(), item == null ? null : item.titleEn(),
                    t.gridCode(), unitName(names, t.gridCode()), mask.name(t.workerName() == null ? t.workerUsername() : t.workerName()),
                    t.dueDate(), new Place(t.lon(), t.lat()));
        }).toList();
    }
}
