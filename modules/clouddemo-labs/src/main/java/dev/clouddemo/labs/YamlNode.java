package dev.clouddemo.labs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers the line each value starts on, so that a lab file's
 * problems can name their line. A value is a mapping ({@code Map<String, YamlNode>}, in file
 * order), a sequence ({@code List<YamlNode>}) or a scalar (its text; null for YAML's null).
 */
record YamlNode(Object value, int line) {
    /** Reads one document; null for an empty one. Jackson's YAML parser reads, this keeps the lines. */
    static YamlNode read(Reader reader) throws IOException {
        try (JsonParser parser = new YAMLFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : node(parser);
        }
    }

    private static YamlNode node(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                entries.put(key, node(p));
            }
            return new YamlNode(Collections.unmodifiableMap(entries), line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(p));
            }
            return new YamlNode(Collections.unmodifiableList(items), line);
        }
        return new YamlNode(token == JsonToken.VALUE_NULL ? null : p.getText(), line);
    }

    boolean isMapping() {
        return value instanceof Map;
    }

    boolean isSequence() {
        return value instanceof List;
    }

    boolean isScalar() {
        return value == null || value instanceof String;
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> mapping() {
        return (Map<String, YamlNode>) value;
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> sequence() {
        return (List<YamlNode>) value;
    }

    String text() {
        return (String) value;
    }

    /** What kind of value this is, in a reader's words. */
    String kind() {
        return isMapping() ? "a mapping" : isSequence() ? "a list" : value == null ? "empty" : "text";
    }
}
