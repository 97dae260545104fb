package dev.cowfleet.sim.report;

import java.math.BigDecimal;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON configuration of the report files: indented, numbers rounded by {@link Numbers} and
 * written in plain notation, keys in insertion order (ObjectNode keeps it), so output is stable.
 */
final class JsonOutput {
    /** Immutable once built and thread-safe, so one instance serves every writer. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonOutput() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String text(ObjectNode root) {
        return MAPPER.writeValueAsString(root) + "\n";
    }

    /** Puts a rounded number, or JSON null when the figure is not finite. */
    static void number(ObjectNode node, String key, double value) {
        BigDecimal rounded = Numbers.machine(value);
        if (rounded == null) {
            node.putNull(key);
        } else {
            node.put(key, rounded);
        }
    }

    static void add(ArrayNode array, double value) {
        BigDecimal rounded = Numbers.machine(value);
        if (rounded == null) {
            array.addNull();
        } else {
            array.add(rounded);
        }
    }
}
