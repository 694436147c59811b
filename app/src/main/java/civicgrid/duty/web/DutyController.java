package civicgrid.duty.web;

import civicgrid.duty.app.DailyTasks;
import civicgrid.duty.app.DutyLists;
import civicgrid.duty.app.FrontageLedger;
import civicgrid.duty.domain.DutyList;
import civicgrid.duty.app.Registers;
import civicgrid.duty.domain.DutyItem;
import civicgrid.duty.persistence.RegisterStore;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.CivicGridException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The grid worker's day over HTTP: the duty list, the day's tasks, ticking off, completion, the registers. */
@RestController
@RequestMapping("/api/v1/duty")
class DutyController {

    private final DailyTasks tasks;
    private final Registers registers;
    private final DutyLists lists;
    private final IdentityApi identity;
    private final FrontageLedger frontage;

    DutyController(DailyTasks tasks, Registers registers, DutyLists lists, IdentityApi identity, FrontageLedger frontage) {
        this.tasks = tasks;
        this.frontage = frontage;
        this.registers = registers;
        this.lists = lists;
        this.identity = identity;
    }

    record ListView(int version, LocalDate startsOn, List<ItemView> items) {
    }

    record ItemView(String code, String category, String categoryZh, String titleZh, String titleEn, String subjectKind, int everyDays,
                    String districtCode) {
    }

    /** The duty list in force: the city's items and every district's "+1". */
    @GetMapping("/list")
    ListView dutyList() {
        identity.requireCurrentUser();
        return view(lists.current());
    }

    record ItemsBody(List<DutyLists.ItemInput> items) {
    }

    /** Publishes the city's items as a new version (city center, administrators); the districts' "+1"s are kept. */
    @PutMapping("/list/city")
    ListView publishCity(@RequestBody ItemsBody body) {
        return view(lists.publishCityItems(body.items()));
    }

    /** Publishes a district's "+1" items as a new version (that district's center, or the city's). */
    @PutMapping("/list/districts/{district}")
    ListView publishDistrict(@PathVariable String district, @RequestBody ItemsBody body) {
        return view(lists.publishDistrictItems(district, body.items()));
    }

    private static ListView view(DutyList list) {
        return new ListView(list.version(), list.startsOn(), list.items().stream().map(DutyController::item).toList());
    }

    private static ItemView item(DutyItem i) {
        return new ItemView(i.code(), i.category().name(), i.category().nameZh(), i.titleZh(), i.titleEn(), i.subjectKind().name(),
                i.cadence().everyDays(), i.districtCode());
    }

    @GetMapping("/tasks")
    List<DailyTasks.TaskView> tasks(@RequestParam(required = false) String date, @RequestParam(required = false) String unit) {
        return tasks.list(date == null ? tasks.today() : date("date", date), unit);
    }

    @PostMapping(value = "/tasks/{id}/done", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DailyTasks.TaskView done(@PathVariable UUID id, @RequestParam(required = false) MultipartFile photo,
                             @RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
                             @RequestParam(required = false) String note) {
        byte[] content = null;
        if (photo != null && !photo.isEmpty()) {
            try {
                content = photo.getBytes();
            } catch (IOException e) {
                throw CivicGridException.badRequest("PHOTO_UNREADABLE", "The photo could not be read.");
            }
        }
        return tasks.done(id, new DailyTasks.Tick(number("lon", lon), number("lat", lat), note, content));
    }

    @GetMapping("/completion")
    Map<String, Object> completion(@RequestParam String unit, @RequestParam(required = false) String by,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate start = from == null ? tasks.today() : date("from", from);
        LocalDate end = to == null ? start : date("to", to);
        return Map.of("unit", unit, "from", start.toString(), "to", end.toString(), "items", tasks.completion(unit, by, start, end));
    }

    /** A past day's tasks left open (yesterday by default) inside a unit, for the community and street. */
    @GetMapping("/overdue")
    Map<String, Object> overdue(@RequestParam String unit, @RequestParam(required = false) String date) {
        LocalDate day = date == null ? null : date("date", date);
        List<DailyTasks.OverdueTask> items = tasks.overdue(unit, day);
        return Map.of("unit", unit, "date", (day == null ? tasks.today().minusDays(1) : day).toString(), "items", items);
    }

    /** A frontage-duty shop's record of the problems registered in front of it, newest first. */
    @GetMapping("/frontage/{shopId}")
    FrontageLedger.ShopRecord frontageRecord(@PathVariable long shopId) {
        return frontage.record(shopId);
    }

    @GetMapping("/registers/{register}")
    List<Map<String, Object>> register(@PathVariable String register, @RequestParam String unit, @RequestParam(required = false) String q,
                                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return registers.search(Registers.kind(register), unit, q, page, size);
    }

    /** A unit's key places for the big screen's map (no personal data; at most {@link Registers#MAX_KEY_PLACES}). */
    @GetMapping("/key-places")
    List<RegisterStore.KeyPlace> keyPlaces(@RequestParam String unit) {
        return registers.keyPlaces(unit);
    }

    @GetMapping("/registers/{register}/{id}/history")
    List<RegisterStore.Change> history(@PathVariable String register, @PathVariable long id) {
        return registers.history(Registers.kind(register), id);
    }

    @PostMapping(value = "/registers/{register}/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
        MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Registers.ImportResult importRegister(@PathVariable String register, @RequestParam String unit,
                                          @RequestBody(required = false) byte[] csv) {
        return registers.importCsv(Registers.kind(register), unit, csv);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw CivicGridException.badRequest("INVALID_DATE", name + " must be a date as YYYY-MM-DD.");
        }
    }

    private static Double number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw CivicGridException.badRequest("INVALID_COORDINATES", name + " must be a number in decimal degrees.");
        }
    }
}
