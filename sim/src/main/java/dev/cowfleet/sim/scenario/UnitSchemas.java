package dev.cowfleet.sim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema fragments for the value kinds of {@link Units}, as an editor sees a scenario: YAML turns
 * {@code 70} and {@code 0.02} into numbers and {@code 250MiB} into a string, so a kind that accepts a bare
 * number accepts both. The patterns follow the parsers in {@link Units}; a value they let through that the
 * parser still refuses (a count of 1.5, a fraction of 150%) is caught by the loader with its line.
 */
final class UnitSchemas {

    private static final String NUMBER = "\\d+(\\.\\d+)?";
    private static final String DURATION_UNIT = "(ns|us|µs|ms|s|m|h|d)";

    static final Map<String, Object> SIZE = text(Units.SIZE, "^\\s*" + NUMBER + " ?(TiB|GiB|MiB|KiB|TB|GB|MB|KB|B)\\s*$");
    static final Map<String, Object> DURATION = text(Units.DURATION, "^\\s*((" + NUMBER + DURATION_UNIT + ")+|"
            + NUMBER + " ?" + DURATION_UNIT + ")\\s*$");
    static final Map<String, Object> COUNT = numberOrText(Units.COUNT, "integer", 0,
            "^\\s*" + NUMBER + " ?[kKMBG]?\\s*$");
    static final Map<String, Object> FRACTION = fraction();
    static final Map<String, Object> RATE = text(Units.RATE, "^\\s*" + NUMBER + "[kKMBG]? ?/ ?[smhd]\\s*$");
    static final Map<String, Object> BOOLEAN = object("type", "boolean");
    /** Any scalar: the loader reads a scalar's text, so {@code name: 2017} is the text "2017". */
    static final Map<String, Object> SCALAR = object("type", List.of("string", "number", "boolean"));
    static final Map<String, Object> WHOLE_NUMBER = numberOrText("a whole number like 2017", "integer", null,
            "^\\s*\\d+\\s*$");
    static final Map<String, Object> RATIO = numberOrText("a ratio like 2.5 (at least 1)", "number", 1,
            "^\\s*" + NUMBER + "\\s*$");
    static final Map<String, Object> MONEY = numberOrText(Units.MONEY, "number", 0, "^\\s*" + NUMBER + "\\s*$");
    static final Map<String, Object> YEARS = numberOrText("a number of years like 1 or 2.5", "number", 0,
            "^\\s*" + NUMBER + "\\s*$");

    private UnitSchemas() {
    }

    /** A string matching {@code pattern}; {@code form} is the "like ..." hint editors show. */
    static Map<String, Object> text(String form, String pattern) {
        return object("type", "string", "pattern", pattern, "description", form);
    }

    /** One of the names (enum values). */
    static Map<String, Object> names(List<String> names) {
        return object("enum", List.copyOf(names));
    }

    /** A list whose items are {@code item}. */
    static Map<String, Object> list(Map<String, Object> item, int minItems, Integer maxItems) {
        Map<String, Object> schema = object("type", "array", "items", item, "minItems", minItems);
        if (maxItems != null) {
            schema.put("maxItems", maxItems);
        }
        return schema;
    }

    /** Either of two schemas. */
    static Map<String, Object> anyOf(Map<String, Object> first, Map<String, Object> second) {
        return object("anyOf", List.of(first, second));
    }

    private static Map<String, Object> numberOrText(String form, String numberType, Integer minimum, String pattern) {
        Map<String, Object> number = object("type", numberType);
        if (minimum != null) {
            number.put("minimum", minimum);
        }
        return object("anyOf", List.of(number, object("type", "string", "pattern", pattern)), "description", form);
    }

    private static Map<String, Object> fraction() {
        return object("anyOf", List.of(object("type", "number", "minimum", 0, "maximum", 1),
                object("type", "string", "pattern", "^\\s*(" + NUMBER + "\\s*%|" + NUMBER + ")\\s*$")),
                "description", Units.FRACTION);
    }

    /** An ordered JSON object from key, value pairs. */
    static Map<String, Object> object(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
