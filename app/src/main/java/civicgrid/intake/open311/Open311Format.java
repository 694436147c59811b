package civicgrid.intake.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two GeoReport v2 formats, chosen by the path's suffix. Both render the same tree of ordered
 * maps and lists: JSON as it is, XML with a list's items named after the list (services → service,
 * service_requests → request, attributes → attribute, ...), as the spec's examples do.
 */
enum Open311Format {
    JSON(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8)),
    XML(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8));

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();
    private static final Map<String, String> ITEM = Map.of("services", "service", "service_requests", "request", "attributes",
            "attribute", "values", "value", "endpoints", "endpoint", "formats", "format", "errors", "error");

    final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** {@code json} or {@code xml}; anything else is not a resource of the API. */
    static Open311Format of(String suffix) {
        if ("json".equals(suffix)) {
            return JSON;
        }
        if ("xml".equals(suffix)) {
            return XML;
        }
        throw Open311Exception.notFound("Unknown format '" + suffix + "': use .json or .xml.");
    }

    /** Renders a body whose XML root element is {@code root} (a list's items take their name from it). */
    String render(String root, Object body) {
        if (this == JSON) {
            return MAPPER.writeValueAsString(body);
        }
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, body);
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(xml, e.getKey().toString(), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = ITEM.getOrDefault(name, "item");
            for (Object o : list) {
                element(xml, item, o);
            }
        } else {
            xml.writeCharacters(value.toString());
        }
        xml.writeEndElement();
    }
}
