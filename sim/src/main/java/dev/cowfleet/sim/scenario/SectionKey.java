package dev.cowfleet.sim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A key that holds a section of further keys: one mapping ({@code host}), a map of named mappings
 * ({@code policies}), or a list of mappings ({@code fleet.hostTypes}).
 */
record SectionKey(String name, Shape shape, Keys keys, String description, boolean required) implements Key {

    enum Shape { SECTION, NAMED, LIST }

    /** Names of {@link Shape#NAMED} sections: they become output columns and file names. */
    static final String NAME_PATTERN = "^[A-Za-z0-9_-]+$";

    @Override
    public Map<String, Object> schema() {
        Map<String, Object> inner = keys.schema();
        return switch (shape) {
            case SECTION -> withDescription(inner);
            case NAMED -> withDescription(UnitSchemas.object("type", "object", "propertyNames",
                    UnitSchemas.object("pattern", NAME_PATTERN), "minProperties", 1, "additionalProperties", inner));
            case LIST -> withDescription(UnitSchemas.object("type", "array", "minItems", 1, "items", inner));
        };
    }

    private Map<String, Object> withDescription(Map<String, Object> schema) {
        Map<String, Object> described = UnitSchemas.object("description", description);
        described.putAll(schema);
        return described;
    }

    /** The keys' names, for error messages. */
    List<String> names() {
        return keys.names();
    }
}
