package dev.clouddemo.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The bytes of the v1 JSON format. The files under {@code json-v1/} were written by the hand-written
 * writer clouddemo had before Jackson, from the values built here; they are never regenerated, so
 * these tests fail when the writer's layout, escaping or number format moves by one byte.
 */
class JsonFormatV1Test {

    /** A tree of the types {@link Json#parse} gives back, so it survives a read and a write unchanged. */
    static Map<String, Object> tree() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        controls.append('\u007f');
        Map<String, Object> strings = new LinkedHashMap<>();
        strings.put("quote", "say \"hi\"");
        strings.put("backslash", "C:\\temp\\x\\\\y\\");
        strings.put("slash", "a/b</script>");
        strings.put("controls", controls.toString());
        strings.put("unicode", "é ü ß ñ ☃ € 中文 日本語 😀 👩‍💻 \u00a0 \u00ad \u2028 \u2029 \ufeff \uffff");
        strings.put("empty", "");
        strings.put("spaces", "  leading and trailing  ");
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("zero", 0L);
        numbers.put("negative", -42L);
        numbers.put("longMax", Long.MAX_VALUE);
        numbers.put("longMin", Long.MIN_VALUE);
        numbers.put("doubles", new ArrayList<>(List.of(0.0, 0.1, 0.5, -0.5, 3.25, 1.0, 100.0, 123456.789,
                9999999.0, 1.0E-3, 9.99E-4, 1.0E-7, 1.0E21, 1.0E23, 2.0 / 3, Math.PI, 12.3,
                Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 4.35, 0.30000000000000004)));
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("zebra", "keys keep the order they were put in");
        keys.put("alpha", 1L);
        keys.put("", "empty key");
        keys.put("with \"quote\", back\\slash, new\nline, tab\t and é ☃ 😀", "escaped key");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("emptyMap", new LinkedHashMap<>());
        nested.put("emptyList", new ArrayList<>());
        nested.put("list", new ArrayList<>(Arrays.asList(1L, "two", null, true, 2.5, new ArrayList<>(),
                new LinkedHashMap<>(), new ArrayList<>(List.of(new ArrayList<>(List.of(3L)))),
                new LinkedHashMap<>(Map.of("deep", new LinkedHashMap<>(Map.of("deeper", new ArrayList<>())))))));
        nested.put("listOfEmptyMaps", new ArrayList<>(List.of(new LinkedHashMap<>(), new LinkedHashMap<>())));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", 1L);
        root.put("strings", strings);
        root.put("numbers", numbers);
        root.put("keys", keys);
        root.put("yes", true);
        root.put("no", false);
        root.put("nothing", null);
        root.put("nested", nested);
        return root;
    }

    /**
     * Values written as before that read back as something else: other types (as Long, Double, String
     * or List), -0.0 (as 0.0), integral doubles written with an exponent (as Long), a lone surrogate
     * (as '?', when the text goes through UTF-8).
     */
    static Map<String, Object> otherTypes() {
        Map<Object, Object> raw = new LinkedHashMap<>();
        raw.put(2, "int key");
        raw.put(Thread.State.NEW, "enum key");
        raw.put(null, "null key");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("int", 7);
        m.put("intMin", Integer.MIN_VALUE);
        m.put("short", (short) -3);
        m.put("byte", (byte) 5);
        m.put("float", 0.1f);
        m.put("floatBig", 1.0E10f);
        m.put("negativeZero", -0.0);
        m.put("doubleExponent", 1.0E7);
        m.put("bigDecimal", new BigDecimal("12.50"));
        m.put("bigDecimalExponent", new BigDecimal("1E+3"));
        m.put("bigInteger", new BigInteger("123456789012345678901234567890"));
        m.put("atomicLong", new AtomicLong(9));
        m.put("atomicBoolean", new AtomicBoolean(true));
        m.put("boxedTrue", Boolean.TRUE);
        m.put("enum", Thread.State.TIMED_WAITING);
        m.put("enums", List.of(Thread.State.NEW, Thread.State.BLOCKED));
        m.put("char", 'c');
        m.put("set", new LinkedHashSet<>(List.of("b", "a")));
        m.put("immutableList", List.of(1, 2));
        m.put("keysOfOtherTypes", raw);
        m.put("instant", Instant.parse("2026-01-31T12:00:00.123Z"));
        m.put("path", Path.of("/tmp/clouddemo dir/x.json"));
        m.put("uri", URI.create("http://127.0.0.1:4566/a?b=c&d=%20"));
        m.put("optional", Optional.of("x"));
        m.put("emptyOptional", Optional.empty());
        m.put("loneSurrogate", "a\ud800b");
        m.put("stringBuilder", new StringBuilder("built"));
        return m;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = JsonFormatV1Test.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static void assertSameBytes(String written, byte[] expected) {
        byte[] bytes = written.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(bytes).isEqualTo(expected);
    }

    @Test
    void write_tree_givesTheV1Bytes() throws Exception {
        assertSameBytes(Json.write(tree()), resource("/json-v1/tree.json"));
    }

    @Test
    void parse_v1Tree_givesTheTree() throws Exception {
        // when
        Object parsed = Json.parse(new String(resource("/json-v1/tree.json"), StandardCharsets.UTF_8));

        // then
        assertThat(parsed).isEqualTo(tree());
    }

    @Test
    void write_parsedV1Tree_givesTheSameBytes() throws Exception {
        // given
        byte[] v1 = resource("/json-v1/tree.json");

        // when
        String written = Json.write(Json.parse(new String(v1, StandardCharsets.UTF_8)));

        // then
        assertSameBytes(written, v1);
    }

    @Test
    void write_otherTypes_givesTheV1Bytes() throws Exception {
        assertSameBytes(Json.write(otherTypes()), resource("/json-v1/other-types.json"));
    }
}
