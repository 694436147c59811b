package civicgrid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of {@code /v3/api-docs}, fed bad input as several roles: wrong types, NUL and
 * control characters, huge values, non-finite numbers and missing parameters; JSON bodies with a
 * wrong type per property, missing fields, extra fields, {@code null}, {@code []}, broken JSON; wrong
 * content types and broken multipart bodies. Never a 5xx; every 4xx is problem details with
 * {@code status} and {@code code}, except under /open311, which answers with the spec's error list.
 *
 * <p>It stays off shared demo state: only correct passwords, path ids that do not exist for
 * anything but reading, bodies whose untouched fields are invalid on their own ("fuzz", 0.5° off
 * the city), no operation on accounts but reading and the refused creation, event streams skipped.
 */
class OpenApiFuzzTest extends IntegrationTest {

    private static final String[] ROLES = {null, "citizen", "gridworker", "xinshancun", "city", "admin"};
    private static final Set<String> STREAMS = Set.of("/api/v1/events/stream", "/events/stream");
    private static final Map<String, String> API_KEYS = Map.of("/api/v1/video-alerts", "demo-video-key",
            "/api/v1/hotline/orders", "demo-hotline-key", "/api/v1/hotline/orders/batch", "demo-hotline-key");
    private static final String HUGE = "a".repeat(100_000);
    /** Raw (already encoded) values for path variables and query parameters. */
    private static final List<String> BAD_URL_VALUES = List.of("%00", "a%01b", "%1B%5B31m", "NaN", "Infinity", "-1e309", "-1",
            "99999999999999999999", "1.5", "true", "%E4%B8%AD%E6%96%87", "'%20OR%201=1--", "%25", "..%2F..", "%20", "[]",
            "a".repeat(5_000));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> byClass = new TreeMap<>();
    private int requests;
    private int roleTurn;
    private JsonNode components;

    @Test
    void badInputNeverAnswers5xxAndEveryRefusalIsProblemDetails() {
        long started = System.nanoTime();
        JsonNode api = get("/v3/api-docs", null).json();
        components = api.path("components").path("schemas");
        int operations = 0;
        int skipped = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (STREAMS.contains(path.getKey())) {
                    skipped++;
                    continue;
                }
                operations++;
                fuzz(op.getKey().toUpperCase(), path.getKey(), op.getValue());
            }
        }
        System.out.printf("OpenAPI fuzz: %d operations (%d streams skipped), %d requests in %d s, by status class %s%n", operations,
                skipped, requests, (System.nanoTime() - started) / 1_000_000_000L, byClass);
        assertThat(operations).isGreaterThan(50);
        assertThat(failures).as("%d of %d requests failed:%n%s", failures.size(), requests, String.join("\n", failures)).isEmpty();
    }

    private void fuzz(String method, String template, JsonNode op) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            String name = p.get("name").asString();
            switch (p.get("in").asString()) {
                case "path" -> pathValues.put(name, pathBaseline(method, template, name));
                case "query" -> {
                    if ("object".equals(p.path("schema").path("type").asString())) {
                        for (String filter : List.of("service_request_id", "service_code", "start_date", "end_date", "status")) {
                            query.put(filter, "x");
                        }
                    } else {
                        query.put(name, queryBaseline(p.path("schema")));
                        if (p.path("required").asBoolean()) {
                            required.add(name);
                        }
                    }
                }
                case "header" -> headers.put(name, headerBaseline(template, name));
                default -> { }
            }
        }
        Base base = new Base(method, template, pathValues, query, headers);
        JsonNode content = op.path("requestBody").path("content");
        String bodyType = content.properties().stream().map(Map.Entry::getKey).findFirst().orElse(null);
        Body baselineBody = bodyType == null ? Body.NONE : baselineBody(bodyType, content.get(bodyType).path("schema"));

        // path variables and query parameters, one at a time
        for (String name : pathValues.keySet()) {
            for (String bad : BAD_URL_VALUES) {
                send(base.withPath(name, bad), baselineBody, "path " + name + "=" + cut(bad));
            }
        }
        for (String name : query.keySet()) {
            for (String bad : BAD_URL_VALUES) {
                send(base.withQuery(name, bad), baselineBody, "query " + name + "=" + cut(bad));
            }
            send(base.withQuery(name, HUGE), baselineBody, "query " + name + "=<100 KB>");
            send(base.withQueryTwice(name), baselineBody, "query " + name + " twice");
        }
        for (String name : required) {
            send(base.withoutQuery(name), baselineBody, "without " + name);
        }
        for (String name : headers.keySet()) {
            send(base.withHeader(name, "a".repeat(10_000)), baselineBody, "header " + name + "=<10 KB>");
            send(base.withHeader(name, ""), baselineBody, "header " + name + " empty");
        }
        // bodies
        if (bodyType != null) {
            for (Body body : badBodies(bodyType, content.get(bodyType).path("schema"), baselineBody)) {
                send(base, body, body.label);
            }
        } else if (!"GET".equals(method)) {
            send(base, new Body("application/json", "{\"x\":\"\\u0000\"}", "unexpected JSON body"), "unexpected JSON body");
        }
        send(base, new Body("application/x-www-form-urlencoded", "a=%zz&b=%00", "broken form"), "broken form body");
        // no authentication at all, once per operation
        sendAs(null, base, baselineBody, "baseline");
    }

    // ---- baselines: well-formed, but invalid or unknown so that nothing is created or changed

    private static String pathBaseline(String method, String template, String name) {
        return switch (name) {
            case "id", "attachment", "token" -> UUID.randomUUID().toString();
            case "format" -> "json";
            case "year" -> "2026";
            case "code" -> "GET".equals(method) && template.contains("/geo/") ? "500104" : "Z9999";
            default -> "fuzz";
        };
    }

    private static String queryBaseline(JsonNode schema) {
        return switch (schema.path("type").asString()) {
            case "integer" -> "1";
            case "number" -> "0.5";
            case "boolean" -> "false";
            default -> schema.path("format").asString().equals("date") ? "2026-01-01" : "fuzz";
        };
    }

    private static String headerBaseline(String template, String name) {
        if ("X-Api-Key".equals(name)) {
            return API_KEYS.getOrDefault(template, "fuzz");
        }
        // the snap suggestions are rate-limited per device: a fresh one each run keeps the others' budget
        return "X-Device-Id".equals(name) ? "fuzz-" + UUID.randomUUID() : "fuzz-" + UUID.randomUUID();
    }

    private Body baselineBody(String type, JsonNode schema) {
        return switch (type) {
            case "application/json" -> new Body(type, JSON.writeValueAsString(baseline(resolve(schema))), "baseline");
            case "multipart/form-data" -> multipart("fuzz", "a.jpg", "not an image");
            default -> new Body(type, "order_no,description\nfuzz,x\n", "baseline");
        };
    }

    private JsonNode baseline(JsonNode schema) {
        return switch (schema.path("type").asString()) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                schema.path("properties").properties().forEach(p -> o.set(p.getKey(), baseline(resolve(p.getValue()))));
                yield o;
            }
            case "array" -> NODES.arrayNode();
            case "integer" -> NODES.numberNode(0);
            case "number" -> NODES.numberNode(0.5);
            case "boolean" -> NODES.booleanNode(false);
            default -> schema.has("enum") ? schema.get("enum").get(0) : NODES.stringNode("fuzz");
        };
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : components.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    // ---- bad bodies

    private List<Body> badBodies(String type, JsonNode schema, Body baseline) {
        List<Body> bodies = new ArrayList<>();
        String json = "application/json";
        for (String raw : List.of("null", "[]", "{}", "\"text\"", "42", "{\"a\":", "{\"a\":1,}", "\u0000", "[" .repeat(5_000))) {
            bodies.add(new Body(json, raw, "body " + cut(raw)));
        }
        bodies.add(new Body(json, "{\"x\":\"" + HUGE + "\"}", "body with a 100 KB string"));
        bodies.add(new Body("text/plain", baseline.content, "text/plain"));
        bodies.add(new Body("application/xml", "<a>1</a>", "application/xml"));
        bodies.add(new Body(null, baseline.content, "no content type"));
        bodies.add(new Body("multipart/form-data; boundary=zz", "--zz\r\ngarbage", "broken multipart"));
        bodies.add(new Body("multipart/form-data", "garbage", "multipart without boundary"));
        JsonNode resolved = resolve(schema);
        if (json.equals(type) && "object".equals(resolved.path("type").asString())) {
            ObjectNode base = (ObjectNode) baseline(resolved);
            ObjectNode extra = base.deepCopy();
            extra.put("unexpectedField", "\u0000");
            bodies.add(new Body(json, JSON.writeValueAsString(extra), "extra field"));
            for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                String name = property.getKey();
                for (JsonNode bad : badValues(resolve(property.getValue()))) {
                    ObjectNode variant = base.deepCopy();
                    variant.set(name, bad);
                    bodies.add(new Body(json, JSON.writeValueAsString(variant), name + "=" + cut(bad.toString())));
                }
                ObjectNode missing = base.deepCopy();
                missing.remove(name);
                bodies.add(new Body(json, JSON.writeValueAsString(missing), "without " + name));
            }
        } else if (json.equals(type)) {
            // a body the controller reads itself (video alert, hotline order): bad values in every field it may know
            for (JsonNode bad : badValues(NODES.objectNode().put("type", "string"))) {
                ObjectNode o = NODES.objectNode();
                for (String field : List.of("alertId", "cameraId", "algorithm", "ts", "lon", "lat", "confidence", "snapshotUrl", "orderNo",
                        "receivedAt", "category", "description", "address", "callerName", "callerPhone")) {
                    o.set(field, bad);
                }
                bodies.add(new Body(json, JSON.writeValueAsString(o), "every field=" + cut(bad.toString())));
            }
        } else if (type.startsWith("multipart/")) {
            bodies.add(multipart("a\u0000b", "a.jpg", "x"));
            bodies.add(multipart("fuzz", "a\u0000.jpg", "x"));
            bodies.add(multipart(HUGE, "a.jpg", "x"));
            bodies.add(multipart("fuzz", "a".repeat(5_000) + ".jpg", "x"));
        } else {
            for (String csv : List.of("order_no,description\n\"a\"b,c\n", "order_no,description\nfuzz,a\u0000b\n", "\u0000\u0001\u0002",
                    "order_no,description,lon,lat\nfuzz,x,NaN,Infinity\n", "order_no,description\n" + HUGE + ",x\n", "")) {
                bodies.add(new Body(type, csv, "csv " + cut(csv)));
            }
        }
        return bodies;
    }

    private static List<JsonNode> badValues(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.stringNode("\u0000"), NODES.stringNode("a\u001bb"),
                NODES.stringNode(HUGE), NODES.objectNode(), NODES.arrayNode().add(NODES.nullNode()), NODES.booleanNode(true)));
        switch (schema.path("type").asString()) {
            case "integer" -> values.addAll(List.of(NODES.numberNode(1.5), NODES.numberNode(new java.math.BigInteger("99999999999999999999")),
                    NODES.stringNode("x"), NODES.numberNode(-1)));
            case "number" -> values.addAll(List.of(NODES.stringNode("NaN"), NODES.stringNode("Infinity"), NODES.stringNode("-1e309"),
                    NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(-1000.0), NODES.stringNode("x")));
            case "array" -> values.addAll(List.of(NODES.stringNode("x"), NODES.arrayNode().add(1).add(NODES.objectNode()),
                    NODES.arrayNode().add("\u0000")));
            default -> values.addAll(List.of(NODES.numberNode(123), NODES.numberNode(-1e308), NODES.stringNode("")));
        }
        return values;
    }

    private static Body multipart(String fieldValue, String filename, String fileContent) {
        String b = "fuzzboundary";
        String text = "--" + b + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + fieldValue + "\r\n"
                + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: image/jpeg\r\n\r\n"
                + fileContent + "\r\n--" + b + "--\r\n";
        return new Body("multipart/form-data; boundary=" + b, text, "multipart " + cut(fieldValue) + "/" + cut(filename));
    }

    // ---- sending and judging

    private void send(Base base, Body body, String input) {
        sendAs(ROLES[1 + roleTurn % (ROLES.length - 1)], base, body, input);
        sendAs(ROLES[(roleTurn + 3) % ROLES.length], base, body, input);
        roleTurn++;
    }

    private void sendAs(String role, Base base, Body body, String input) {
        String what = base.method + " " + base.template + " as " + (role == null ? "anonymous" : role) + " with " + input;
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(base.url()))).timeout(Duration.ofSeconds(30));
            boolean withBody = !"GET".equals(base.method) && !"DELETE".equals(base.method) && body != Body.NONE;
            b.method(base.method, withBody ? HttpRequest.BodyPublishers.ofString(body.content) : HttpRequest.BodyPublishers.noBody());
            if (withBody && body.type != null) {
                b.header("Content-Type", body.type);
            }
            base.headers.forEach(b::header);
            if (role != null) {
                b.header("Authorization", basic(role, "demo"));
            }
            request = b.build();
        } catch (IllegalArgumentException unsendable) {
            return; // java.net.http refuses to send it (a header it considers invalid): nothing to judge
        }
        requests++;
        Response r;
        try {
            r = sendOversizedPatiently(request, base);
        } catch (RuntimeException e) {
            failures.add(what + ": no answer (" + e.getCause() + ")");
            return;
        }
        byClass.merge(r.status() / 100 + "xx", 1, Integer::sum);
        String problem = judge(base.template, r);
        if (problem != null) {
            failures.add(what + ": " + r.status() + " " + problem + " " + cut(r.body()));
        }
    }

    /**
     * A request whose head is over Tomcat's limit (8 KB) is answered 400 and the connection closed while the
     * client may still be writing; the unread bytes make the server's kernel reset the connection, and a reset
     * that overtakes the 400 makes the client's kernel drop it ("received no bytes", once in ~10,000 in CI).
     * That is TCP, not the server, so such a request alone gets two more tries; any other silence is a failure.
     */
    private Response sendOversizedPatiently(HttpRequest request, Base base) {
        int head = request.uri().toString().length()
                + base.headers.values().stream().mapToInt(String::length).sum();
        int tries = head > 8 * 1024 ? 3 : 1;
        for (int i = 1; ; i++) {
            try {
                return send(request);
            } catch (RuntimeException e) {
                if (i >= tries) {
                    throw e;
                }
            }
        }
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String judge(String template, Response r) {
        if (r.status() >= 500) {
            return "server error";
        }
        if (r.status() < 400) {
            return null;
        }
        String type = String.valueOf(r.header("Content-Type"));
        // Tomcat could not read the request line (over its size limit): there is no path to pick the spec's format by
        boolean unreadable = r.body().contains("\"code\":\"BAD_REQUEST\"") || r.body().contains("\"code\":\"URI_TOO_LONG\"");
        if (template.startsWith("/open311/") && r.status() != 401 && !unreadable) {
            if (r.body().startsWith("<?xml")) {
                return r.body().contains("<errors><error><code>" + r.status() + "</code><description>") ? null : "not the spec's XML errors";
            }
            try {
                JsonNode errors = r.json();
                return errors.isArray() && errors.get(0).get("code").asInt() == r.status() && errors.get(0).get("description").isString()
                        ? null : "not the spec's error list";
            } catch (RuntimeException e) {
                return "not JSON";
            }
        }
        if (!type.startsWith("application/problem+json") && !type.startsWith("application/json")) {
            return "content type " + type;
        }
        try {
            JsonNode body = r.json();
            if (body.path("status").asInt() != r.status() || !body.path("code").isString() || body.path("code").asString().isBlank()) {
                return "not problem details with status and code";
            }
            String detail = body.path("detail").asString("");
            return detail.contains("Exception") || detail.contains("java.") ? "Java internals in the detail" : null;
        } catch (RuntimeException e) {
            return "not JSON";
        }
    }

    private static String cut(String s) {
        String shown = s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
        return shown.replace("\u0000", "\\0").replace("\n", "\\n");
    }

    private record Body(String type, String content, String label) {
        static final Body NONE = new Body(null, "", "none");
    }

    private record Base(String method, String template, Map<String, String> path, Map<String, String> query, Map<String, String> headers) {

        String url() {
            String url = template;
            for (Map.Entry<String, String> p : path.entrySet()) {
                url = url.replace("{" + p.getKey() + "}", p.getValue().contains("%") ? p.getValue() : encode(p.getValue()));
            }
            StringBuilder q = new StringBuilder();
            query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(v.contains("%") ? v : encode(v)));
            return url + q;
        }

        Base withPath(String name, String value) {
            Map<String, String> p = new LinkedHashMap<>(path);
            p.put(name, value);
            return new Base(method, template, p, query, headers);
        }

        Base withQuery(String name, String value) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put(name, value);
            return new Base(method, template, path, q, headers);
        }

        Base withQueryTwice(String name) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put(name, "x&" + name + "=%00");
            return new Base(method, template, path, q, headers);
        }

        Base withoutQuery(String name) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.remove(name);
            return new Base(method, template, path, q, headers);
        }

        Base withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Base(method, template, path, query, h);
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
