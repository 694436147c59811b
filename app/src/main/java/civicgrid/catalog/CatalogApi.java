package civicgrid.catalog;

import civicgrid.audit.AuditApi;
import civicgrid.catalog.persistence.CatalogRepository;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.BundledCsv;
import civicgrid.platform.CivicGridException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The category and department catalog and the work calendar. Loaded from the shipped catalog on
 * the first start, kept in memory (a few hundred rows) and reloaded after every change. Every
 * change makes a new category version and is audited.
 */
@Service
public class CatalogApi {

    private static final Logger log = LoggerFactory.getLogger(CatalogApi.class);
    private final CatalogRepository repository;
    private final AuditApi audit;
    private final IdentityApi identity;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final StageLimits stageLimits;
    private volatile Snapshot snapshot;

    /** What the catalog holds at one moment. */
    private record Snapshot(Map<String, List<Category>> versionsByCode, Map<String, Department> departments, Deadlines deadlines) {
    }

    CatalogApi(CatalogRepository repository, AuditApi audit, IdentityApi identity, TransactionTemplate tx, Clock clock,
               StageLimits stageLimits) {
        this.repository = repository;
        this.audit = audit;
        this.identity = identity;
        this.tx = tx;
        this.clock = clock;
        this.stageLimits = stageLimits;
        tx.executeWithoutResult(s -> seedIfEmpty());
        reload();
    }

    public StageLimits stageLimits() {
        return stageLimits;
    }

    public Deadlines deadlines() {
        return snapshot.deadlines();
    }

    /** The current version of a category, retired or not. */
    public Optional<Category> category(String code) {
        List<Category> versions = snapshot.versionsByCode().get(code);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Category requireActiveCategory(String code) {
        Category category = category(code).orElseThrow(() -> CivicGridException.badRequest("UNKNOWN_CATEGORY",
                "No category " + code + " in the catalog."));
        if (category.retired()) {
            throw CivicGridException.badRequest("CATEGORY_RETIRED", "Category " + code + " is retired.");
        }
        return category;
    }

    public Optional<Category> category(String code, int version) {
        List<Category> versions = snapshot.versionsByCode().get(code);
        return versions == null ? Optional.empty() : versions.stream().filter(c -> c.version() == version).findFirst();
    }

    public List<Category> categories(boolean includeRetired) {
        return snapshot.versionsByCode().values().stream().map(v -> v.get(v.size() - 1))
                .filter(c -> includeRetired || !c.retired()).toList();
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(snapshot.departments().get(code));
    }

    public List<Department> departments() {
        return List.copyOf(snapshot.departments().values());
    }

    /** Adds a category (version 1). */
    public Category add(Category draft) {
        if (category(draft.code()).isPresent()) {
            throw CivicGridException.conflict("CATEGORY_EXISTS", "Category " + draft.code() + " exists; retime it instead.");
        }
        requireDepartment(draft.departmentCode());
        Category created = new Category(draft.code(), 1, draft.kind(), draft.majorCode(), draft.majorZh(), draft.majorEn(),
                draft.nameZh(), draft.nameEn(), draft.sector(), draft.clock(), draft.limit(), draft.urgentLimitHours(),
                draft.departmentCode(), false);
        save(created, "CATEGORY_ADDED", "new category");
        return created;
    }

    /** A new version with another limit, clock, urgent limit or department. */
    public Category retime(String code, ClockType newClock, BigDecimal newLimit, BigDecimal newUrgentHours, String department,
                           String reason) {
        Category current = requireActiveCategory(code);
        if (department != null) {
            requireDepartment(department);
        }
        Category next = new Category(code, current.version() + 1, current.kind(), current.majorCode(), current.majorZh(),
                current.majorEn(), current.nameZh(), current.nameEn(), current.sector(),
                newClock == null ? current.clock() : newClock, newLimit == null ? current.limit() : newLimit,
                newUrgentHours == null ? current.urgentLimitHours() : newUrgentHours,
                department == null ? current.departmentCode() : department, false);
        save(next, "CATEGORY_RETIMED", reason);
        return next;
    }

    public Category retire(String code, String reason) {
        Category current = requireActiveCategory(code);
        Category retired = new Category(code, current.version() + 1, current.kind(), current.majorCode(), current.majorZh(),
                current.majorEn(), current.nameZh(), current.nameEn(), current.sector(), current.clock(), current.limit(),
                current.urgentLimitHours(), current.departmentCode(), true);
        save(retired, "CATEGORY_RETIRED", reason);
        return retired;
    }

    /** Marks a day as a holiday or a make-up working day ({@code kind} HOLIDAY / WORKDAY), or clears it (null). */
    public void setCalendarDay(LocalDate day, String kind, String note) {
        tx.executeWithoutResult(s -> {
            if (kind == null) {
                repository.deleteCalendarDay(day);
            } else {
                repository.upsertCalendarDay(day, kind, note);
            }
            audit.record("CALENDAR_CHANGED", "CALENDAR_DAY", day.toString(), note, kind == null ? Map.of() : Map.of("kind", kind));
        });
        reload();
    }

    public Map<LocalDate, String> calendarExceptions(int year) {
        Map<LocalDate, String> out = new TreeMap<>();
        WorkCalendar calendar = snapshot.deadlines().calendar();
        calendar.holidays().stream().filter(d -> d.getYear() == year).forEach(d -> out.put(d, "HOLIDAY"));
        calendar.makeUpWorkdays().stream().filter(d -> d.getYear() == year).forEach(d -> out.put(d, "WORKDAY"));
        return out;
    }

    private void requireDepartment(String code) {
        if (department(code).isEmpty()) {
            throw CivicGridException.badRequest("UNKNOWN_DEPARTMENT", "No department " + code + " in the catalog.");
        }
    }

    private void save(Category category, String action, String reason) {
        tx.executeWithoutResult(s -> {
            String actor = identity.currentUser().map(CurrentUser::username).orElse("system");
            repository.insertCategory(category, clock.instant(), actor);
            audit.record(action, "CATEGORY", category.code(), reason, Map.of("version", category.version(),
                    "limit", category.disposalLimit(false).toString(), "retired", category.retired()));
        });
        reload();
    }

    private void reload() {
        Map<String, List<Category>> versions = new LinkedHashMap<>();
        for (Category c : repository.allCategoryVersions()) {
            versions.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Department> departments = new LinkedHashMap<>();
        repository.departments().forEach(d -> departments.put(d.code(), d));
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        repository.calendarDays().forEach((day, kind) -> (kind.equals("HOLIDAY") ? holidays : workdays).add(day));
        WorkCalendar calendar = new WorkCalendar(holidays, workdays, WorkCalendar.DEFAULT_PERIODS, WorkCalendar.CHINA);
        snapshot = new Snapshot(versions, departments, new Deadlines(calendar));
    }

    /** First start: the shipped catalog (29 departments, 122 categories) and China's 2026 calendar. */
    private void seedIfEmpty() {
        if (repository.departmentCount() == 0) {
            for (String[] row : BundledCsv.rows("catalog/departments.csv")) {
                repository.insertDepartment(new Department(row[0], row[1], row[2], row[3]));
            }
            int categories = 0;
            for (String[] row : BundledCsv.rows("catalog/categories.csv")) {
                repository.insertCategory(new Category(row[0], 1, row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                        ClockType.valueOf(row[8]), new BigDecimal(row[9]), row[10].isBlank() ? null : new BigDecimal(row[10]),
                        row[11], false), clock.instant(), "system");
                categories++;
            }
            audit.recordAs("system", "CATALOG_IMPORTED", "CATALOG", "default", "first start", Map.of("categories", categories));
            log.info("Catalog imported: {} categories", categories);
        }
        if (repository.calendarDaysIn(2026) == 0) {
            WorkCalendar official = WorkCalendar.china2026();
            official.holidays().forEach(d -> repository.upsertCalendarDay(d, "HOLIDAY", "official 2026"));
            official.makeUpWorkdays().forEach(d -> repository.upsertCalendarDay(d, "WORKDAY", "official 2026"));
        }
    }
}
