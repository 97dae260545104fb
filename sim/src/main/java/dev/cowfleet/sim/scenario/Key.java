package dev.cowfleet.sim.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One key a scenario section may hold: a value ({@link Value}) or a nested section ({@link Nested}). */
sealed interface Key permits Key.Value, Key.Nested {

    String name();

    /** Whether the loader refuses the section without this key. */
    boolean required();

    /** The key's JSON Schema, with its description, for {@code cowfleet schema}. */
    Map<String, Object> schema();

    /**
     * A value key of a scenario section, defined once: its name, value kind, default and description. The
     * loader reads the value through it ({@link Section#required}, {@link Section#optional}) and
     * {@code cowfleet schema} describes it from the same definition, so the two cannot drift.
     *
     * @param fallback      the default when the key is absent and the default does not depend on other keys
     * @param defaultOrigin what {@code --explain} shows as the origin of that default
     * @param defaultNote   for a default that depends on other keys (a Python version's thresholds), where it
     *                      comes from, for the schema's description
     */
    record Value<T>(String name, ValueKind<T> kind, String description, boolean required, T fallback,
                    String defaultOrigin, String defaultNote) implements Key {

        private static final Pattern WHOLE = Pattern.compile("-?\\d+");
        private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

        Optional<T> staticDefault() {
            return Optional.ofNullable(fallback);
        }

        @Override
        public Map<String, Object> schema() {
            Map<String, Object> schema = UnitSchemas.object();
            String form = kind.expected();
            String text = description + " Expected " + form + "."
                    + (defaultNote == null ? "" : " Default: " + defaultNote + ".");
            schema.put("description", text);
            kind.schema().forEach((k, v) -> {
                if (!k.equals("description")) {
                    schema.put(k, v);
                }
            });
            staticDefault().ifPresent(value -> schema.put("default", json(kind.format(value))));
            return schema;
        }

        /** A default as YAML would read it back: a boolean, a number, or text with units ("12MiB"). */
        private static Object json(String text) {
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            if (WHOLE.matcher(text).matches()) {
                return Long.parseLong(text);
            }
            if (DECIMAL.matcher(text).matches()) {
                return Double.parseDouble(text);
            }
            return text;
        }
    }

    /**
     * A key that holds a section of further keys: one mapping ({@code host}), a map of named mappings
     * ({@code policies}), or a list of mappings ({@code fleet.hostTypes}).
     */
    record Nested(String name, Shape shape, Keys keys, String description, boolean required) implements Key {

        enum Shape { SECTION, NAMED, LIST }

        /** Names of {@link Shape#NAMED} sections: they become output columns and file names. */
        static final String NAME_PATTERN = "^[A-Za-z0-9_-]+$";

        @Override
        public Map<String, Object> schema() {
            Map<String, Object> inner = keys.schema();
            return switch (shape) {
                case SECTION -> withDescription(required ? inner : nullable(inner));
                case NAMED -> withDescription(UnitSchemas.object("type", "object", "propertyNames",
                        UnitSchemas.object("pattern", NAME_PATTERN), "minProperties", 1,
                        "additionalProperties", inner));
                case LIST -> withDescription(UnitSchemas.object("type", "array", "minItems", 1, "items", inner));
            };
        }

        /**
         * An optional section may be written bare ({@code costs:}, a YAML null): the loader reads it as an
         * empty section, so the schema must accept null wherever it accepts an empty mapping.
         */
        private static Map<String, Object> nullable(Map<String, Object> schema) {
            schema.put("type", List.of("object", "null"));
            return schema;
        }

        private Map<String, Object> withDescription(Map<String, Object> schema) {
            Map<String, Object> described = UnitSchemas.object("description", description);
            described.putAll(schema);
            return described;
        }
    }
}
