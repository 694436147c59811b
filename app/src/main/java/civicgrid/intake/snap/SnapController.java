package civicgrid.intake.snap;

import civicgrid.platform.CivicGridException;
import civicgrid.platform.web.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The residents' snap-and-report API, public (a signed-in resident's session is honoured): submit a
 * report with photos, follow it with its tracking code, rate it when closed, and get category
 * suggestions while typing.
 */
@RestController
@RequestMapping("/api/v1/public/snap")
class SnapController {

    private final SnapReports reports;
    private final SnapLimits limits;
    private final ClientAddresses addresses;
    private final civicgrid.intake.channel.PublicCategories categories;
    private final SnapMap map;

    SnapController(SnapReports reports, SnapLimits limits, ClientAddresses addresses, civicgrid.intake.channel.PublicCategories categories,
                   SnapMap map) {
        this.reports = reports;
        this.map = map;
        this.limits = limits;
        this.addresses = addresses;
        this.categories = categories;
    }

    @PostMapping(value = "/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SnapReports.Receipt submit(@RequestParam(required = false) String deviceId, @RequestParam(required = false) String description,
                               @RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
                               @RequestParam(required = false) String category,
                               @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                               @RequestParam(required = false) boolean alsoSeen,
                               HttpServletRequest request) {
        List<SnapReports.Photo> files = new ArrayList<>();
        for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
            if (f.isEmpty()) {
                continue;
            }
            try {
                files.add(new SnapReports.Photo(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw CivicGridException.badRequest("PHOTO_UNREADABLE", "A photo could not be read.");
            }
        }
        return reports.submit(new SnapReports.Submission(deviceId, description, number("lon", lon), number("lat", lat), category, files,
                alsoSeen),
                addresses.limitKey(request));
    }

    /** The signed-in resident's own reports (an empty list for anybody else); follow each with its number. */
    @GetMapping("/reports")
    List<SnapReports.MyReport> mine() {
        return reports.mine();
    }

    /** Districts, streets and communities whose name contains {@code q}, best match first, to centre the map on. */
    @GetMapping("/places")
    List<SnapMap.PlaceHit> places(@RequestParam(required = false) String q, HttpServletRequest request) {
        limits.takeBrowse(addresses.limitKey(request));
        return map.places(q);
    }

    /** Open reports within 500 m of the point, nearest first, without anything personal: to add to one instead of reporting again. */
    @GetMapping("/nearby")
    List<SnapMap.NearbyReport> nearby(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
                                      HttpServletRequest request) {
        limits.takeBrowse(addresses.limitKey(request));
        return map.nearby(number("lon", lon), number("lat", lat));
    }

    @GetMapping("/reports/{number}")
    SnapReports.Status status(@PathVariable String number, @RequestParam(required = false) String code, HttpServletRequest request) {
        return reports.status(number, code, addresses.limitKey(request));
    }

    record RatingBody(String code, @NotNull @Min(1) @Max(5) Integer rating, @Size(max = 500) String comment) {
    }

    @PostMapping("/reports/{number}/rating")
    SnapReports.Status rate(@PathVariable String number, @Valid @RequestBody RatingBody body, HttpServletRequest request) {
        return reports.rate(number, body.code(), body.rating(), body.comment(), addresses.limitKey(request));
    }

    record SuggestBody(@NotBlank @Size(max = 500) String text) {
    }

    @PostMapping("/suggestions")
    List<Map<String, Object>> suggest(@Valid @RequestBody SuggestBody body, @RequestHeader(name = "X-Device-Id", required = false) String device,
                                      HttpServletRequest request) {
        limits.takeSuggestion(device != null && device.length() <= 64 ? device : null, addresses.limitKey(request));
        return reports.suggest(body.text());
    }

    record CategoryItem(String code, String group, String nameZh, String nameEn) {
    }

    @GetMapping("/categories")
    List<CategoryItem> categories() {
        return categories.all().stream().map(c -> new CategoryItem(c.code(), c.majorZh(), c.nameZh(), c.nameEn())).toList();
    }

    private static Double number(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw CivicGridException.badRequest("INVALID_COORDINATES", name + " must be a number in decimal degrees.");
        }
    }
}
