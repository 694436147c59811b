package civicgrid.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON bodies follow the same rules as parameters: a string holding a control character
 * ({@link ControlCharacters}) and a number that is not finite ({@code "NaN"}, {@code "Infinity"},
 * {@code 1e309}) are refused while reading, with the field's path, as {@link RefusedValue}.
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

    @Bean
    JsonMapperBuilderCustomizer refuseControlCharactersAndNonFiniteNumbers() {
        return builder -> builder.addModule(new SimpleModule("civicgrid-json-input")
                .addDeserializer(String.class, new CheckedString())
                .addDeserializer(Double.class, new FiniteDouble(Double.class, null))
                .addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0.0)));
    }

    /** A value the JSON was well-formed for but the platform's input rules refuse; {@link #code} says which rule. */
    static final class RefusedValue extends MismatchedInputException {

        final String code;
        final String reason;

        RefusedValue(JsonParser p, Class<?> type, String code, String reason) {
            super(p, reason, type);
            this.code = code;
            this.reason = reason;
        }

        /** {@code description}, {@code departments[0]}, {@code items[2].name}: where the refused value was. */
        String field() {
            StringBuilder out = new StringBuilder();
            for (JacksonException.Reference ref : getPath()) {
                if (ref.getPropertyName() != null) {
                    out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    out.append('[').append(ref.getIndex()).append(']');
                }
            }
            return out.toString();
        }
    }

    static final class CheckedString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            int at = ControlCharacters.firstForbidden(value);
            if (at >= 0) {
                throw new RefusedValue(p, String.class, ControlCharacters.CODE, "contains the control character "
                        + String.format("U+%04X", (int) value.charAt(at)) + "; text may hold no control characters but tab, CR and LF");
            }
            return value;
        }
    }

    static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {
        FiniteDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                throw new RefusedValue(p, Double.class, "INVALID_NUMBER", "must be a finite number");
            }
            return value;
        }
    }
}
