package civicgrid.intake.snap;

import civicgrid.platform.CivicGridException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final int MAX_BUCKETS = 50_000;
    private final SnapReports reports;
    private final SnapProperties properties;
    private final civicgrid.intake.channel.PublicCategories categories;
    private final Map<String, Bucket> suggestionBuckets = new ConcurrentHashMap<>();

    SnapController(SnapReports reports, SnapProperties properties, civicgrid.intake.channel.PublicCategories categories) {
        this.reports = reports;
        this.properties = properties;
        this.categories = categories;
    }

    @PostMapping(value = "/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SnapReports.Receipt submit(@RequestParam(required = false) String deviceId, @RequestParam(required = false) String description,
                               @RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
                               @RequestParam(required = false) String category,
                               @RequestParam(name = "photos", required = false) List<MultipartFile> photos) {
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
        return reports.submit(new SnapReports.Submission(deviceId, description, number("lon", lon), number("lat", lat), category, files));
    }

    @GetMapping("/reports/{number}")
    SnapReports.Status status(@PathVariable String number, @RequestParam(required = false) String code) {
        return reports.status(number, code);
    }

    record RatingBody(String code, @NotNull @Min(1) @Max(5) Integer rating, @Size(max = 500) String comment) {
    }

    @PostMapping("/reports/{number}/rating")
    SnapReports.Status rate(@PathVariable String number, @Valid @RequestBody RatingBody body) {
        return reports.rate(number, body.code(), body.rating(), body.comment());
    }

    record SuggestBody(@NotBlank @Size(max = 500) String text) {
    }

    @PostMapping("/suggestions")
    List<Map<String, Object>> suggest(@Valid @RequestBody SuggestBody body, @RequestHeader(name = "X-Device-Id", required = false) String device,
                                      HttpServletRequest request) {
        String key = device != null && device.length() <= 64 ? "d:" + device : "ip:" + request.getRemoteAddr();
        if (suggestionBuckets.size() > MAX_BUCKETS) {
            suggestionBuckets.clear();
        }
        Bucket bucket = suggestionBuckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(properties.classifyPerMinute()).refillGreedy(properties.classifyPerMinute(), Duration.ofMinutes(1)).build()).build());
        if (!bucket.tryConsume(1)) {
            throw new CivicGridException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_SUGGESTIONS", "Too many suggestions asked; wait a minute.");
        }
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
