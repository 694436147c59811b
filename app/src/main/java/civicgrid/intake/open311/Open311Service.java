package civicgrid.intake.open311;

import civicgrid.cases.CaseId;
import civicgrid.cases.CaseState;
import civicgrid.cases.CaseView;
import civicgrid.cases.Channel;
import civicgrid.cases.ChannelIntake;
import civicgrid.cases.NewReport;
import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Category;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.intake.channel.AddressLocator;
import civicgrid.intake.channel.PublicCategories;
import civicgrid.intake.persistence.Open311Requests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * GeoReport v2 on the closed loop. Services are the catalog's public-space categories; a posted
 * request becomes a case (or joins the open case of the same problem nearby) and answers with the
 * case number once the case is registered, with a token before; listings show cases of every
 * channel, their contact details never, phone and ID numbers in descriptions masked.
 */
@Service
class Open311Service {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;
    static final int MAX_DESCRIPTION = 4000;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Pattern DIGITS = Pattern.compile("\\d{7,}[\\dXx]*");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]{1,990}");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([A-Za-z0-9_]{1,40})\\](\\[\\])?");

    private final ChannelIntake intake;
    private final CatalogApi catalog;
    private final GeoApi geo;
    private final AddressLocator addresses;
    private final PublicCategories publicCategories;
    private final Open311Requests requests;
    private final Open311Properties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean demo;

    Open311Service(ChannelIntake intake, CatalogApi catalog, GeoApi geo, AddressLocator addresses, PublicCategories publicCategories, Open311Requests requests,
                   Open311Properties properties, TransactionTemplate tx, Clock clock,
                   @org.springframework.beans.factory.annotation.Value("${civicgrid.demo.enabled:true}") boolean demo) {
        this.intake = intake;
        this.catalog = catalog;
        this.geo = geo;
        this.addresses = addresses;
        this.publicCategories = publicCategories;
        this.requests = requests;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.demo = demo;
    }

    // ---- discovery and services

    Map<String, Object> discovery() {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", properties.publicUrl());
        endpoint.put("changeset", "2026-11-28T00:00:00+08:00");
        endpoint.put("type", demo ? "test" : "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", "2026-11-28T00:00:00+08:00");
        d.put("contact", "CivicGrid 城市运行和治理中心 / city operation and governance center");
        d.put("key_service", "Ask the city operation and governance center for an api_key.");
        d.put("endpoints", List.of(endpoint));
        return d;
    }

    List<Map<String, Object>> services(String jurisdiction, Locale locale) {
        checkJurisdiction(jurisdiction);
        boolean en = english(locale);
        return publicCategories.all().stream().map(c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.code());
            s.put("service_name", en ? c.nameEn() : c.nameZh());
            s.put("description", en ? c.majorEn() + ": " + c.nameEn() + " (" + c.nameZh() + ")"
                    : c.majorZh() + "：" + c.nameZh() + "（" + c.nameEn() + "）");
            s.put("metadata", true);
            s.put("type", "batch");
            s.put("keywords", String.join(", ", c.nameZh(), c.nameEn(), c.majorZh(), c.majorEn()));
            s.put("group", en ? c.majorEn() : c.majorZh());
            return (Map<String, Object>) s;
        }).toList();
    }

    Map<String, Object> definition(String code, String jurisdiction, Locale locale) {
        checkJurisdiction(jurisdiction);
        publicCategory(code);
        boolean en = english(locale);
        Map<String, Object> urgent = attribute("URGENT", "singlevaluelist", 1, en ? "Is anyone in danger right now?" : "是否危及人身安全、需要紧急处置？",
                en ? "yes or no" : "是 yes / 否 no");
        urgent.put("values", List.of(value("yes", en ? "Yes, urgent" : "是，紧急"), value("no", en ? "No" : "否")));
        Map<String, Object> landmark = attribute("LANDMARK", "string", 2, en ? "A landmark near the problem" : "附近标志物（楼栋、店名、杆号）",
                en ? "free text, at most 200 characters" : "文字，最多 200 字");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_code", code);
        d.put("attributes", List.of(urgent, landmark));
        return d;
    }

    private static Map<String, Object> attribute(String code, String type, int order, String description, String typeDescription) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("variable", true);
        a.put("code", code);
        a.put("datatype", type);
        a.put("required", false);
        a.put("datatype_description", typeDescription);
        a.put("order", order);
        a.put("description", description);
        return a;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", key);
        v.put("name", name);
        return v;
    }

    // ---- posting a request

    /** The form of a POST, as sent; checked here, so that every error comes back the spec's way. */
    record PostForm(Map<String, String[]> parameters, MultipartFile media) {
        String one(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 || values[0] == null || values[0].isBlank() ? null : values[0].strip();
        }
    }

    List<Map<String, Object>> post(PostForm form) {
        checkJurisdiction(form.one("jurisdiction_id"));
        String client = client(form.one("api_key"));
        String code = form.one("service_code");
        if (code == null) {
            throw Open311Exception.badRequest("SERVICE_CODE_REQUIRED: service_code is required.");
        }
        Category category = publicCategory(code);
        double[] where = location(form);
        String description = form.one("description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw Open311Exception.badRequest("DESCRIPTION_TOO_LONG: description has at most 4000 characters.");
        }
        String mediaUrl = form.one("media_url");
        if (mediaUrl != null && !URL.matcher(mediaUrl).matches()) {
            throw Open311Exception.badRequest("INVALID_MEDIA_URL: media_url must be an http(s) URL of at most 1000 characters.");
        }
        Map<String, String> attributes = attributes(form);
        boolean urgent = "yes".equals(attributes.get("URGENT"));
        for (String field : List.of("email", "phone", "first_name", "last_name", "account_id", "device_id")) {
            String v = form.one(field);
            if (v != null && v.length() > (field.equals("email") ? 120 : field.equals("phone") ? 40 : 60)) {
                throw Open311Exception.badRequest("FIELD_TOO_LONG: " + field + " is too long.");
            }
        }
        String text = description == null ? category.nameZh() : description;
        if (attributes.containsKey("LANDMARK")) {
            text = text + "（附近：" + attributes.get("LANDMARK") + "）";
        }
        String caseText = text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
        String reporter = "open311:" + shortHash(client + "|" + Optional.ofNullable(form.one("account_id"))
                .or(() -> Optional.ofNullable(form.one("device_id"))).or(() -> Optional.ofNullable(form.one("email"))).orElse("anonymous"));
        UUID token = UUID.randomUUID();
        Instant now = clock.instant();
        ChannelIntake.Outcome outcome = tx.execute(status -> {
            ChannelIntake.Outcome o = intake.report(new NewReport(category.code(), caseText, where[0], where[1], urgent, Channel.OPEN311),
                    new ChannelIntake.Source(reporter, Channel.OPEN311, false), true);
            CaseId id = CaseId.parse(o.caseView().id());
            if (form.media() != null && !form.media().isEmpty()) {
                intake.attach(id, form.media().getOriginalFilename(), bytes(form.media()), reporter);
            }
            requests.add(new Open311Requests.Posted(token, id.value(), client, form.one("account_id"), form.one("device_id"),
                    form.one("email"), form.one("phone"), form.one("first_name"), form.one("last_name"), mediaUrl,
                    attributes.isEmpty() ? null : attributes.toString(), now));
            return o;
        });
        CaseView view = outcome.caseView();
        Map<String, Object> answer = new LinkedHashMap<>();
        if (registered(view)) {
            answer.put("service_request_id", view.number());
        } else {
            answer.put("token", token.toString());
        }
        answer.put("service_notice", notice(view, outcome.joined()));
        answer.put("account_id", form.one("account_id"));
        return List.of(answer);
    }

    private String client(String apiKey) {
        if (apiKey == null) {
            throw Open311Exception.forbidden("API_KEY_REQUIRED: api_key is required to post a request.");
        }
        boolean known = properties.apiKeys().contains(apiKey) || demo && "demo-key".equals(apiKey);
        if (!known) {
            throw Open311Exception.forbidden("API_KEY_INVALID: this api_key is not valid.");
        }
        return shortHash(apiKey);
    }

    private double[] location(PostForm form) {
        String lat = form.one("lat");
        String lon = form.one("long");
        if (lat != null || lon != null) {
            if (lat == null || lon == null) {
                throw Open311Exception.badRequest("LOCATION_INCOMPLETE: give both lat and long.");
            }
            double[] point = {number("long", lon), number("lat", lat)};
            if (point[0] < -180 || point[0] > 180 || point[1] < -90 || point[1] > 90) {
                throw Open311Exception.badRequest("INVALID_COORDINATES: lat must be within -90..90 and long within -180..180.");
            }
            if (geo.locate(point[0], point[1]).isEmpty()) {
                throw Open311Exception.badRequest("LOCATION_OUTSIDE_CITY: the point is outside the city's territory.");
            }
            return point;
        }
        String addressId = form.one("address_id");
        if (addressId != null) {
            TerritoryUnit unit = UnitCode.isValid(addressId) ? geo.unit(UnitCode.of(addressId)).orElse(null) : null;
            if (unit == null) {
                throw Open311Exception.badRequest("UNKNOWN_ADDRESS_ID: address_id must be a grid, community or street code of the city.");
            }
            return new double[] {unit.centroidLon(), unit.centroidLat()};
        }
        String address = form.one("address_string");
        if (address != null) {
            if (address.length() > 500) {
                throw Open311Exception.badRequest("ADDRESS_TOO_LONG: address_string has at most 500 characters.");
            }
            return addresses.locate(address).orElseThrow(() -> Open311Exception.badRequest(
                    "ADDRESS_NOT_FOUND: address_string names no district, street or community of the city; give lat and long."));
        }
        throw Open311Exception.badRequest("LOCATION_REQUIRED: give lat and long, address_string or address_id.");
    }

    private static double number(String name, String text) {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest("INVALID_COORDINATES: " + name + " must be a number in decimal degrees.");
        }
    }

    private static Map<String, String> attributes(PostForm form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : form.parameters().entrySet()) {
            if (!e.getKey().startsWith("attribute")) {
                continue;
            }
            var m = ATTRIBUTE.matcher(e.getKey());
            if (!m.matches()) {
                throw Open311Exception.badRequest("INVALID_ATTRIBUTE: attributes are sent as attribute[CODE]=value.");
            }
            String code = m.group(1);
            String value = e.getValue().length == 0 ? "" : e.getValue()[0].strip();
            switch (code) {
                case "URGENT" -> {
                    if (!value.equals("yes") && !value.equals("no")) {
                        throw Open311Exception.badRequest("INVALID_ATTRIBUTE: attribute[URGENT] is yes or no.");
                    }
                }
                case "LANDMARK" -> {
                    if (value.length() > 200) {
                        throw Open311Exception.badRequest("INVALID_ATTRIBUTE: attribute[LANDMARK] has at most 200 characters.");
                    }
                }
                default -> throw Open311Exception.badRequest("UNKNOWN_ATTRIBUTE: no attribute " + code + " in the service definition.");
            }
            if (!value.isEmpty()) {
                out.put(code, value);
            }
        }
        return out;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (java.io.IOException e) {
            throw Open311Exception.badRequest("MEDIA_UNREADABLE: the media file could not be read.");
        }
    }

    // ---- reading requests

    List<Map<String, Object>> list(Map<String, String> query) {
        checkJurisdiction(blankToNull(query.get("jurisdiction_id")));
        List<String> numbers = commaList(query.get("service_request_id"));
        if (!numbers.isEmpty()) {
            // the spec: a list of ids overrides every other filter
            return render(intake.listing(Instant.EPOCH, clock.instant().plus(Duration.ofDays(1)), numbers, publicCodes(), null,
                    MAX_RESULTS));
        }
        List<String> codes = commaList(query.get("service_code"));
        for (String code : codes) {
            publicCategory(code);
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
        return render(intake.listing(start, end, List.of(), codes.isEmpty() ? publicCodes() : codes, open, MAX_RESULTS));
    }

    List<Map<String, Object>> one(String number, String jurisdiction) {
        checkJurisdiction(jurisdiction);
        CaseView view = intake.statusByNumber(number).filter(v -> PublicCategories.isPublic(v.category().code()))
                .orElseThrow(() -> Open311Exception.notFound("REQUEST_NOT_FOUND: no service request " + number + "."));
        return render(List.of(view));
    }

    List<Map<String, Object>> token(String token, String jurisdiction) {
        checkJurisdiction(jurisdiction);
        UUID id;
        try {
            id = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw Open311Exception.notFound("TOKEN_NOT_FOUND: no token " + token + ".");
        }
        CaseView view = requests.caseOf(id).flatMap(c -> intake.status(new CaseId(c)))
                .orElseThrow(() -> Open311Exception.notFound("TOKEN_NOT_FOUND: no token " + token + "."));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service_request_id", registered(view) ? view.number() : null);
        answer.put("token", token);
        return List.of(answer);
    }

    private List<Map<String, Object>> render(List<CaseView> views) {
        Map<UUID, String> media = requests.mediaUrls(views.stream().map(v -> UUID.fromString(v.id())).toList());
        List<Map<String, Object>> out = new ArrayList<>(views.size());
        for (CaseView v : views) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", v.number());
            r.put("status", v.state().open() ? "open" : "closed");
            r.put("status_notes", statusNotes(v));
            r.put("service_name", v.category().nameZh());
            r.put("service_code", v.category().code());
            r.put("description", DIGITS.matcher(v.description()).replaceAll(m -> mask(m.group())));
            r.put("agency_responsible", agency(v.assignment()));
            r.put("service_notice", null);
            r.put("requested_datetime", w3c(v.reportedAt()));
            r.put("updated_datetime", w3c(updated(v)));
            r.put("expected_datetime", v.state().open() && v.stage() != null && v.stage().deadline() != null
                    ? w3c(v.stage().deadline()) : null);
            r.put("address", String.join(" ", v.place().districtName(), v.place().streetName(), v.place().gridName()));
            r.put("address_id", v.place().gridCode());
            r.put("zipcode", null);
            r.put("lat", v.place().lat());
            r.put("long", v.place().lon());
            r.put("media_url", media.get(UUID.fromString(v.id())));
            out.add(r);
        }
        return out;
    }

    // ---- helpers

    /** A case is registered (has its number as a service request) once verified and accepted. */
    private static boolean registered(CaseView v) {
        return v.state() != CaseState.REPORTED && v.state() != CaseState.VERIFIED && v.state() != CaseState.INVALID;
    }

    private String notice(CaseView v, boolean joined) {
        String prefix = joined ? "已并入同一问题的案件 " + v.number() + "。" : "";
        if (v.stage() != null && v.stage().deadline() != null && v.state().open()) {
            return prefix + (registered(v) ? "已立案，预计处置时限 " : "待网格员核实，核实时限 ")
                    + v.stage().deadline().atOffset(CHINA).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + "。";
        }
        return prefix.isEmpty() ? null : prefix;
    }

    private static String statusNotes(CaseView v) {
        return switch (v.state()) {
            case REPORTED -> "已受理，待核实 (received, to be verified on site)";
            case VERIFIED -> "已核实，待立案 (verified, to be registered)";
            case REGISTERED -> "已立案，待派遣 (registered, to be dispatched)";
            case DISPATCHED -> "已派遣至责任单位 (dispatched to the responsible department)";
            case IN_PROGRESS -> "处置中 (being handled)";
            case HANDLED -> "已处置，待核查 (handled, to be checked on site)";
            case CHECKED -> "核查通过，待结案 (checked, to be closed)";
            case CLOSED -> "已结案 (closed)";
            case EVALUATED -> "已结案并评价 (closed and rated)";
            case HUNG -> "列入长期挂账处理 (put on the long-term list)";
            case INVALID -> "经核实不予立案 (not accepted after verification)";
            case MERGED -> "与其他报告合并处理 (merged into another request)";
        };
    }

    private String agency(String assignment) {
        if (assignment == null) {
            return null;
        }
        String code = civicgrid.catalog.Department.codeOfInstance(assignment);
        return catalog.department(code).map(d -> d.nameZh()).orElse(code);
    }

    private static Instant updated(CaseView v) {
        Instant u = v.reportedAt();
        if (v.stage() != null && v.stage().startedAt() != null && v.stage().startedAt().isAfter(u)) {
            u = v.stage().startedAt();
        }
        return v.closedAt() != null && v.closedAt().isAfter(u) ? v.closedAt() : u;
    }

    private static String w3c(Instant at) {
        return at == null ? null : at.atOffset(CHINA).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(W3C);
    }

    private static String mask(String digits) {
        return digits.substring(0, 3) + "*".repeat(digits.length() - 5) + digits.substring(digits.length() - 2);
    }

    private static Instant date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip(), W3C).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest("INVALID_DATE: " + name + " must be a W3C date-time with its offset, e.g. 2026-11-01T00:00:00+08:00.");
        }
    }

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

    private void checkJurisdiction(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.equals(properties.jurisdictionId())) {
            throw Open311Exception.notFound("UNKNOWN_JURISDICTION: this endpoint serves jurisdiction_id " + properties.jurisdictionId() + ".");
        }
    }

    private Category publicCategory(String code) {
        return publicCategories.find(code).orElseThrow(() -> Open311Exception.notFound("UNKNOWN_SERVICE_CODE: no service " + code + "."));
    }

    private List<String> publicCodes() {
        return publicCategories.all().stream().map(Category::code).toList();
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
