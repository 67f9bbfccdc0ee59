package dev.clouddemo.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void parse_writtenNestedValue_roundTrips() throws Exception {
        // given
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("quote", "say \"hi\"");
        inner.put("backslash", "C:\\temp\\x");
        inner.put("controls", "line\nfeed\rreturn\ttab\bback\fform\u0001one\u001funit");
        inner.put("unicode", "é ü ß ☃ 中文 😀 \u2028");
        inner.put("empty", "");
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("zebra", "first key");
        value.put("alpha", inner);
        value.put("long", Long.MAX_VALUE);
        value.put("negative", -42L);
        value.put("zero", 0L);
        value.put("decimal", 3.25);
        value.put("negativeDecimal", -0.5);
        value.put("tiny", 1.0E-7);
        value.put("yes", true);
        value.put("no", false);
        value.put("nothing", null);
        value.put("list", new ArrayList<>(Arrays.asList(1L, "two", null, List.of(), Map.of(), List.of(List.of(3L)))));
        value.put("emptyMap", Map.of());
        value.put("emptyList", List.of());

        // when
        Object back = Json.parse(Json.write(value));

        // then
        assertThat(back).isEqualTo(value);
        assertThat(new ArrayList<Object>(((Map<?, ?>) back).keySet())).containsExactlyElementsOf(value.keySet());
    }

    @Test
    void write_controlCharacters_escapesThem() {
        assertThat(Json.write("a\"b\\c\nd\u0001"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"\n");
    }

    @Test
    void write_enum_writesLowercaseName() {
        assertThat(Json.write(List.of(Thread.State.NEW))).isEqualTo("[\n  \"new\"\n]\n");
    }

    @Test
    void parse_escapes_decodesThem() throws Exception {
        assertThat(Json.parse("\"\\u00e9\\ud83d\\ude00 \\/ \\b\\f\\n\\r\\t \\\" \\\\\""))
                .isEqualTo("é😀 / \b\f\n\r\t \" \\");
    }

    @Test
    void parse_numbers_givesLongForIntegersAndDoubleForDecimals() throws Exception {
        assertThat(Json.parse("[0, -7, 9223372036854775807, 1.5, -2.25, 1e3, 2.5E-3]"))
                .isEqualTo(List.of(0L, -7L, Long.MAX_VALUE, 1.5, -2.25, 1000L, 0.0025));
    }

    @Test
    void parse_integralNumbersInOtherSpellings_givesLongWhereItFits() throws Exception {
        assertThat(Json.parse("[1.5e1, 10e-1, 1E2, 1.0E7, -0, 12345678901234567890, 1.0E21, -0.0, 1.0]"))
                .isEqualTo(List.of(15L, 1L, 100L, 10_000_000L, 0L, 1.2345678901234567E19, 1.0E21, 0.0, 1.0));
    }

    @Test
    void parse_leadingZeroOrTrailingPoint_readsTheNumberAsBefore() throws Exception {
        assertThat(Json.parse("[007, -01, 7., 1.e2, 0.50]")).isEqualTo(List.of(7L, -1L, 7L, 100L, 0.5));
    }

    @Test
    void parse_exponentBeyondInt_isRejected() {
        assertThatExceptionOfType(Json.ParseException.class)
                .isThrownBy(() -> Json.parse("[1, 1e9999999999]"))
                .withMessage("bad number '1e9999999999' at line 1, column 5");
    }

    @Test
    void write_nonFiniteDouble_writesItAsAString() {
        assertThat(Json.write(List.of(Double.NaN, Double.NEGATIVE_INFINITY)))
                .isEqualTo("[\n  \"NaN\",\n  \"-Infinity\"\n]\n");
    }

    @Test
    void parse_duplicateKey_keepsTheLastValueAtTheFirstPlace() throws Exception {
        // when
        Object parsed = Json.parse("{\"a\": 1, \"b\": 2, \"a\": 3}");

        // then
        assertThat(parsed).isEqualTo(Map.of("a", 3L, "b", 2L));
        assertThat(new ArrayList<Object>(((Map<?, ?>) parsed).keySet())).containsExactly("a", "b");
    }

    @Test
    void parse_containers_areMutable() throws Exception {
        // given
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) Json.parse("{\"list\": [], \"map\": {}}");

        // when
        parsed.put("added", true);
        ((List<Object>) parsed.get("list")).add(1L);
        ((Map<String, Object>) parsed.get("map")).put("k", "v");

        // then
        assertThat(Json.write(parsed)).isEqualTo(
                "{\n  \"list\": [\n    1\n  ],\n  \"map\": {\n    \"k\": \"v\"\n  },\n  \"added\": true\n}\n");
    }

    @Test
    void parse_longMinValue_returnsLong() throws Exception {
        assertThat(Json.parse(Json.write(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void parse_errorOnThirdLine_reportsLineAndColumn() {
        // given
        String text = "{\n  \"a\": 1,\n  \"b\" 2\n}";

        // when / then
        assertThatExceptionOfType(Json.ParseException.class)
                .isThrownBy(() -> Json.parse(text))
                .withMessage("expected ':' at line 3, column 7");
    }

    @Test
    void parse_missingComma_reportsLineAndColumn() {
        assertThatExceptionOfType(Json.ParseException.class)
                .isThrownBy(() -> Json.parse("[1,\n 2\n 3]"))
                .withMessage("expected ',' or ']' at line 3, column 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "[1] [2]", "true false", "\"a\"\"b\"", "1 }", "1/2", "-7\"x\""})
    void parse_trailingContent_isRejected(String text) {
        assertThatExceptionOfType(Json.ParseException.class)
                .isThrownBy(() -> Json.parse(text))
                .withMessageStartingWith("unexpected content after the JSON value at line 1, column ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void parse_emptyInput_isRejected(String text) {
        assertThatExceptionOfType(Json.ParseException.class)
                .isThrownBy(() -> Json.parse(text))
                .withMessageStartingWith("unexpected end of input at line ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1", "[1, 2", "\"open", "{\"a\" 1}", "{a: 1}", "tru", "nul", "[1,]", "-",
            "1.2.3", "\"bad \\x escape\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"raw \n newline\"", "{\"a\": 1,}", "@"})
    void parse_malformed_throwsParseExceptionWithPosition(String text) {
        assertThatExceptionOfType(Json.ParseException.class)
                .isThrownBy(() -> Json.parse(text))
                .withMessageMatching("(?s).+ at line \\d+, column \\d+");
    }
}
