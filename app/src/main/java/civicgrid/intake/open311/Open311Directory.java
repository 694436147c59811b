package civicgrid.intake.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What a client reads before posting: discovery, the services and each service's definition (its attributes). */
@Component
class Open311Directory {

    private final Open311Jurisdiction jurisdiction;
    private final Open311Properties properties;
    private final boolean demo;

    Open311Directory(Open311Jurisdiction jurisdiction, Open311Properties properties,
                     @Value("${civicgrid.demo.enabled:true}") boolean demo) {
        this.jurisdiction = jurisdiction;
        this.properties = properties;
        this.demo = demo;
    }

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

    List<Map<String, Object>> services(String jurisdictionId, Locale locale) {
        jurisdiction.check(jurisdictionId);
        boolean en = english(locale);
        return jurisdiction.services().stream().map(c -> {
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

    /** Every service has the same two optional attributes, checked by {@link Open311PostForm#attributes()}. */
    Map<String, Object> definition(String code, String jurisdictionId, Locale locale) {
        jurisdiction.check(jurisdictionId);
        jurisdiction.service(code);
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

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
