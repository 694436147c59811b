package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

/** Checks answers against the GeoReport v2 JSON schemas and XSDs in src/test/resources/open311 (see its README). */
final class Open311Schemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private Open311Schemas() {
    }

    static void assertJson(String schema, String body) {
        Schema s = REGISTRY.getSchema(SchemaLocation.of("classpath:open311/schema/json/" + schema + ".schema.json"));
        assertThat(s.validate(body, InputFormat.JSON)).as(schema + " schema on " + body).isEmpty();
    }

    static void assertXml(String xsd, String body) {
        try {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Open311Schemas.class.getResource("/open311/schema/xsd/" + xsd + ".xsd")).newValidator()
                    .validate(new StreamSource(new StringReader(body)));
        } catch (Exception e) {
            throw new AssertionError(xsd + ".xsd rejects " + body + ": " + e.getMessage(), e);
        }
    }
}
