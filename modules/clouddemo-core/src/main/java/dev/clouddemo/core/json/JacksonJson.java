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
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Jackson side of {@link Json}, on Jackson's streaming API (jackson-core): its parser and its
 * generator, with a pretty printer and escapes set for the v1 format. Made on first use, so that a
 * command that writes no JSON (such as {@code --version}) loads no Jackson class; and no
 * databind {@code ObjectMapper}, which costs a command several times what the parsing does.
 */
final class JacksonJson {
    private JacksonJson() {
    }

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new V1Escapes())
            // as lenient as the v1 reader with numbers: 007 and 7. are 7
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
            .build();
    private static final DefaultPrettyPrinter PRETTY = prettyPrinter();

    static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(PRETTY.createInstance());
            write(generator, value);
        } catch (IOException e) {
            // too deep (a map that contains itself); a StringWriter has no I/O to fail
            throw new IllegalArgumentException("cannot write this value as JSON: " + e.getMessage(), e);
        }
        return out.append('\n').toString();
    }

    /**
     * Maps, collections, strings, numbers (as Java prints them), booleans and null; an enum as its
     * lowercase name, a NaN or an infinity and anything else as the string of its toString().
     */
    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            out.writeString(value.toString());
        } else if (value instanceof Number n) {
            out.writeNumber(n.toString());
        } else if (value instanceof Enum<?> e) {
            out.writeString(e.name().toLowerCase(Locale.ROOT));
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                write(out, item);
            }
            out.writeEndArray();
        } else {
            out.writeString(value.toString());
        }
    }

    static Object parse(String text) throws Json.ParseException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw error("unexpected end of input", parser.currentLocation());
            }
            Object value = read(parser);
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

    /** The value that starts at the parser's current token; the parser is left on its last token. */
    private static Object read(JsonParser in) throws IOException {
        switch (in.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String key = in.currentName();
                    in.nextToken();
                    map.put(key, read(in));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(in));
                }
                return list;
            }
            case VALUE_STRING -> {
                return in.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return number(in);
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("no value starts at " + in.currentToken());
        }
    }

    /**
     * Numbers as the v1 reader gave them: a whole number that fits is a {@code Long}, however it is
     * spelled ({@code 1e3}, {@code 10e-1}; not {@code 1.0}), everything else a {@code Double}.
     */
    private static Number number(JsonParser in) throws IOException {
        String token = in.getText();
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(token);
        } catch (NumberFormatException e) {
            // JSON's grammar has no bound on the exponent, BigDecimal's is an int
            throw new JsonParseException(in, "bad number '" + token + "'", in.currentTokenLocation(), e);
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

    /** Only the quote, the backslash and control characters, these as {@code \n \r \t} or <code>&#92;u00xx</code>. */
    private static final class V1Escapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();
        private final SerializableString[] controls = new SerializableString[0x20];

        V1Escapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') {
                    ascii[c] = ESCAPE_CUSTOM;
                    controls[c] = new SerializedString("\\u00" + (c < 0x10 ? "0" : "") + Integer.toHexString(c));
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
