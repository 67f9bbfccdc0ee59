package dev.clouddemo.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.ArrayType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The Jackson side of {@link Json}: one mapper, configured for the v1 format, made on first use so
 * that a command that writes no JSON (such as {@code --version}) loads no Jackson class.
 */
final class JacksonJson {
    private JacksonJson() {
    }

    private static final ObjectMapper MAPPER = mapper();
    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            // too deep (a map that contains itself) or a toString() that threw
            throw new IllegalArgumentException("cannot write this value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Object parse(String text) throws Json.ParseException {
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() == null) {
                throw error("unexpected end of input", parser.currentLocation());
            }
            Object value = MAPPER.readValue(parser, Object.class);
            long end = parser.currentLocation().getCharOffset();
            JsonLocation extra;
            try {
                if (parser.nextToken() == null) {
                    return value;
                }
                extra = parser.currentTokenLocation();
            } catch (JsonProcessingException garbage) {
                // not even a token; it starts where the parser began a token, or where it stopped
                extra = parser.currentTokenLocation().getCharOffset() >= end ? parser.currentTokenLocation()
                        : garbage.getLocation();
            }
            throw error("unexpected content after the JSON value", extra);
        } catch (JsonProcessingException e) {
            throw translated(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String has no I/O to fail
        }
    }

    private static ObjectMapper mapper() {
        SimpleModule v1 = new SimpleModule("clouddemo-json-v1");
        v1.addDeserializer(Number.class, new V1Numbers());
        v1.setSerializerModifier(new V1Types());
        JsonFactory factory = new JsonFactoryBuilder()
                .characterEscapes(new V1Escapes())
                // as lenient as the v1 reader with numbers: 007 and 7. are 7
                .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
                .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
                .build();
        ObjectMapper mapper = JsonMapper.builder(factory)
                .addModule(v1)
                .build();
        mapper.getSerializerProvider().setNullKeySerializer(V1Types.KEY);
        return mapper;
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    private static Json.ParseException error(String what, JsonLocation at) {
        return new Json.ParseException(what + " at line " + at.getLineNr() + ", column " + at.getColumnNr());
    }

    /** Jackson's reason in the words clouddemo has always used where there are such words. */
    private static Json.ParseException translated(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        int newline = reason.indexOf('\n');
        if (newline >= 0) {
            reason = reason.substring(0, newline);
        }
        String what;
        if (reason.contains("was expecting a colon")) {
            what = "expected ':'";
        } else if (reason.contains("was expecting comma to separate Array entries")) {
            what = "expected ',' or ']'";
        } else if (reason.contains("was expecting comma to separate Object entries")) {
            what = "expected ',' or '}'";
        } else if (reason.contains("was expecting double-quote to start field name")) {
            what = "expected a quoted key";
        } else if (reason.contains("Expected space separating root-level values")) {
            what = "unexpected content after the JSON value";
        } else if (reason.startsWith("Unexpected end-of-input")) {
            what = "unexpected end of input";
        } else {
            what = reason;
        }
        JsonLocation at = e.getLocation();
        return at == null ? new Json.ParseException(what) : error(what, at);
    }

    /**
     * Numbers as the v1 reader gave them: a whole number that fits is a {@code Long}, however it is
     * spelled ({@code 1e3}, {@code 10e-1}; not {@code 1.0}), everything else a {@code Double}.
     */
    private static final class V1Numbers extends StdDeserializer<Number> {
        V1Numbers() {
            super(Number.class);
        }

        @Override
        public Number deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String token = parser.getText();
            BigDecimal decimal;
            try {
                decimal = new BigDecimal(token);
            } catch (NumberFormatException e) {
                // JSON's grammar has no bound on the exponent, BigDecimal's is an int
                throw new JsonParseException(parser, "bad number '" + token + "'", parser.currentTokenLocation(), e);
            }
            if (decimal.scale() <= 0 || decimal.stripTrailingZeros().scale() <= 0 && token.indexOf('.') < 0) {
                try {
                    return decimal.longValueExact();
                } catch (ArithmeticException tooBig) {
                    return decimal.doubleValue();
                }
            }
            return decimal.doubleValue();
        }
    }

    /**
     * Jackson's own serializers for maps, collections, strings, numbers and booleans; enums as their
     * lowercase name; map keys, arrays and everything else as their {@code toString()}.
     */
    private static final class V1Types extends BeanSerializerModifier {
        private static final JsonSerializer<Object> KEY = new StdSerializer<>(Object.class) {
            @Override
            public void serialize(Object key, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeFieldName(String.valueOf(key));
            }
        };
        private static final JsonSerializer<Enum<?>> ENUM = new StdSerializer<>(Enum.class, false) {
            @Override
            public void serialize(Enum<?> value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(value.name().toLowerCase(Locale.ROOT));
            }
        };

        @Override
        public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                JsonSerializer<?> serializer) {
            Class<?> type = description.getBeanClass();
            if (Enum.class.isAssignableFrom(type)) {
                return ENUM;
            }
            // Jackson looks a Long or a Boolean up under its primitive type
            if (type.isPrimitive() || type == String.class || type == Boolean.class || Number.class.isAssignableFrom(type)) {
                return serializer;
            }
            return ToStringSerializer.instance;
        }

        @Override
        public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType type,
                BeanDescription description, JsonSerializer<?> serializer) {
            return ENUM;
        }

        @Override
        public JsonSerializer<?> modifyArraySerializer(SerializationConfig config, ArrayType type,
                BeanDescription description, JsonSerializer<?> serializer) {
            return ToStringSerializer.instance;
        }

        @Override
        public JsonSerializer<?> modifyKeySerializer(SerializationConfig config, JavaType type,
                BeanDescription description, JsonSerializer<?> serializer) {
            return KEY;
        }
    }

    /** Only the quote, the backslash and control characters, these as {@code \n \r \t} or <code>&#92;u00xx</code>. */
    private static final class V1Escapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();
        private final SerializableString[] controls = new SerializableString[0x20];

        V1Escapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') {
                    ascii[c] = ESCAPE_CUSTOM;
                    controls[c] = new SerializedString(String.format("\\u%04x", c));
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < controls.length ? controls[ch] : null;
        }
    }
}
