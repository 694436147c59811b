package civicgrid.catalog.web;

import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Category;
import civicgrid.catalog.ClockType;
import civicgrid.catalog.Department;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The catalog for everybody signed in; changes for administrators only. */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogController {

    private final CatalogApi catalog;
    private final IdentityApi identity;

    CatalogController(CatalogApi catalog, IdentityApi identity) {
        this.catalog = catalog;
        this.identity = identity;
    }

    @GetMapping("/categories")
    List<Category> categories(@RequestParam(defaultValue = "false") boolean includeRetired) {
        return catalog.categories(includeRetired);
    }

    @GetMapping("/categories/{code}")
    Category category(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return (version == null ? catalog.category(code) : catalog.category(code, version))
                .orElseThrow(() -> CivicGridException.notFound("UNKNOWN_CATEGORY", "No category " + code + "."));
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return catalog.departments();
    }

    record NewCategory(@NotBlank @Pattern(regexp = "[CE]\\d{4}", message = "must be C or E and four digits") String code,
                       @NotBlank @Pattern(regexp = "COMPONENT|EVENT") String kind,
                       @NotBlank @Size(max = 50) String majorZh, @NotBlank @Size(max = 80) String majorEn,
                       @NotBlank @Size(max = 50) String nameZh, @NotBlank @Size(max = 100) String nameEn,
                       @NotBlank @Pattern(regexp = "PARTY|ECONOMY|LIVELIHOOD|PEACE_LAW") String sector,
                       @NotNull ClockType clock,
                       @NotNull @DecimalMin(value = "0.01") @DecimalMax("1000") BigDecimal limit,
                       @DecimalMin(value = "0.01") @DecimalMax("1000") BigDecimal urgentLimitHours,
                       @NotBlank String department) {
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    Category add(@Valid @RequestBody NewCategory c) {
        identity.requireRole(Role.ADMINISTRATOR);
        return catalog.add(new Category(c.code(), 1, c.kind(), c.code().substring(0, 3), c.majorZh(), c.majorEn(), c.nameZh(),
                c.nameEn(), c.sector(), c.clock(), c.limit(), c.urgentLimitHours(), c.department(), false));
    }

    record Retime(ClockType clock, @DecimalMin(value = "0.01") @DecimalMax("1000") BigDecimal limit,
                  @DecimalMin(value = "0.01") @DecimalMax("1000") BigDecimal urgentLimitHours, String department,
                  @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/categories/{code}/retime")
    Category retime(@PathVariable String code, @Valid @RequestBody Retime r) {
        identity.requireRole(Role.ADMINISTRATOR);
        return catalog.retime(code, r.clock(), r.limit(), r.urgentLimitHours(), r.department(), r.reason());
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/categories/{code}/retire")
    Category retire(@PathVariable String code, @Valid @RequestBody Reason r) {
        identity.requireRole(Role.ADMINISTRATOR);
        return catalog.retire(code, r.reason());
    }

    @GetMapping("/calendar/{year}")
    Map<LocalDate, String> calendar(@PathVariable int year) {
        if (year < 2000 || year > 2100) {
            throw CivicGridException.badRequest("INVALID_YEAR", "year must be between 2000 and 2100.");
        }
        return catalog.calendarExceptions(year);
    }

    record CalendarDay(@NotBlank @Pattern(regexp = "HOLIDAY|WORKDAY") String kind, @Size(max = 40) String note) {
    }

    @PutMapping("/calendar/days/{day}")
    Map<String, String> setDay(@PathVariable LocalDate day, @Valid @RequestBody CalendarDay body) {
        identity.requireRole(Role.ADMINISTRATOR);
        catalog.setCalendarDay(day, body.kind(), body.note());
        return Map.of("day", day.toString(), "kind", body.kind());
    }

    @DeleteMapping("/calendar/days/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearDay(@PathVariable LocalDate day) {
        identity.requireRole(Role.ADMINISTRATOR);
        catalog.setCalendarDay(day, null, "cleared");
    }
}
