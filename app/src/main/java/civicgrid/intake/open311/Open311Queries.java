package civicgrid.intake.open311;

import civicgrid.cases.CaseId;
import civicgrid.cases.CaseView;
import civicgrid.cases.ChannelIntake;
import civicgrid.intake.channel.PublicCategories;
import civicgrid.intake.persistence.Open311Requests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reading requests: the listing with the spec's filters, one request by its number, and what became of a token. */
@Service
class Open311Queries {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;

    private final ChannelIntake intake;
    private final Open311Jurisdiction jurisdiction;
    private final Open311Requests requests;
    private final Open311Rendering rendering;
    private final Clock clock;

    Open311Queries(ChannelIntake intake, Open311Jurisdiction jurisdiction, Open311Requests requests, Open311Rendering rendering,
                   Clock clock) {
        this.intake = intake;
        this.jurisdiction = jurisdiction;
        this.requests = requests;
        this.rendering = rendering;
        this.clock = clock;
    }

    List<Map<String, Object>> list(Map<String, String> query) {
        jurisdiction.check(blankToNull(query.get("jurisdiction_id")));
        List<String> numbers = commaList(query.get("service_request_id"));
        if (!numbers.isEmpty()) {
            // the spec: a list of ids overrides every other filter
            return rendering.requests(intake.listing(Instant.EPOCH, clock.instant().plus(Duration.ofDays(1)), numbers,
                    jurisdiction.serviceCodes(), null, MAX_RESULTS));
        }
        List<String> codes = commaList(query.get("service_code"));
        for (String code : codes) {
            jurisdiction.service(code);
        }
        Boolean open = null;
        List<String> statuses = commaList(query.get("status"));
        for (String s : statuses) {
            if (!s.equals("open") && !s.equals("closed")) {
                throw Open311Exception.badRequest("INVALID_STATUS: status is open, closed or both (comma-separated).");
            }
        }
        if (statuses.size() == 1) {
            open = statuses.get(0).equals("open");
        }
        Instant start = date("start_date", query.get("start_date"));
        Instant end = date("end_date", query.get("end_date"));
        if (start == null && end == null) {
            end = clock.instant().plusSeconds(1);
            start = end.minus(DEFAULT_WINDOW);
        } else if (start == null) {
            start = end.minus(DEFAULT_WINDOW);
        } else if (end == null) {
            end = start.plus(DEFAULT_WINDOW);
        }
        if (!end.isAfter(start)) {
            throw Open311Exception.badRequest("INVALID_DATE_RANGE: end_date must be after start_date.");
        }
        if (Duration.between(start, end).compareTo(DEFAULT_WINDOW) > 0) {
            throw Open311Exception.badRequest("DATE_RANGE_TOO_LONG: start_date to end_date spans at most 90 days.");
        }
        return rendering.requests(intake.listing(start, end, List.of(), codes.isEmpty() ? jurisdiction.serviceCodes() : codes, open,
                MAX_RESULTS));
    }

    List<Map<String, Object>> one(String number, String jurisdictionId) {
        jurisdiction.check(jurisdictionId);
        CaseView view = intake.statusByNumber(number).filter(v -> PublicCategories.isPublic(v.category().code()))
                .orElseThrow(() -> Open311Exception.notFound("REQUEST_NOT_FOUND: no service request " + number + "."));
        return rendering.requests(List.of(view));
    }

    List<Map<String, Object>> token(String token, String jurisdictionId) {
        jurisdiction.check(jurisdictionId);
        UUID id;
        try {
            id = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw Open311Exception.notFound("TOKEN_NOT_FOUND: no token " + token + ".");
        }
        CaseView view = requests.caseOf(id).flatMap(c -> intake.status(new CaseId(c)))
                .orElseThrow(() -> Open311Exception.notFound("TOKEN_NOT_FOUND: no token " + token + "."));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service_request_id", Open311Rendering.registered(view) ? view.number() : null);
        answer.put("token", token);
        return List.of(answer);
    }

    private static Instant date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip(), Open311Rendering.W3C).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest("INVALID_DATE: " + name + " must be a W3C date-time with its offset, e.g. 2026-11-01T00:00:00+08:00.");
        }
    }

    /** A query parameter's comma-separated values (service_request_id, service_code, status), at most 1000. */
    private static List<String> commaList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> items = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (items.size() > MAX_RESULTS) {
            throw Open311Exception.badRequest("TOO_MANY_VALUES: at most 1000 values in a list.");
        }
        return items;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
