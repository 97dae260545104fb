package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys one scenario section allows, each defined once next to the record that reads it (the spec's
 * {@code read}). The allowed-key list of errors ("valid keys here: ..."), {@code --set} path completion and
 * the JSON Schema all derive from the definitions registered here; declaring a key registers it.
 */
final class Keys {

    private final Map<String, Key> keys = new LinkedHashMap<>();

    /** A key the section must have. */
    <T> Key.Value<T> required(String name, ValueKind<T> kind, String description) {
        return add(new Key.Value<>(name, kind, description, true, null, null, null));
    }

    /** An optional key with a fixed default, shown as "default" by {@code --explain}. */
    <T> Key.Value<T> optional(String name, ValueKind<T> kind, T fallback, String description) {
        return optional(name, kind, fallback, "default", description);
    }

    <T> Key.Value<T> optional(String name, ValueKind<T> kind, T fallback, String origin, String description) {
        return add(new Key.Value<>(name, kind, description, false, fallback, origin, null));
    }

    /** An optional key whose default depends on other keys; the spec's read supplies it. */
    <T> Key.Value<T> derived(String name, ValueKind<T> kind, String defaultNote, String description) {
        return add(new Key.Value<>(name, kind, description, false, null, null, defaultNote));
    }

    Key.Nested section(String name, Keys inner, boolean required, String description) {
        return add(new Key.Nested(name, Key.Nested.Shape.SECTION, inner, description, required));
    }

    Key.Nested named(String name, Keys inner, String description) {
        return add(new Key.Nested(name, Key.Nested.Shape.NAMED, inner, description, true));
    }

    Key.Nested list(String name, Keys inner, String description) {
        return add(new Key.Nested(name, Key.Nested.Shape.LIST, inner, description, true));
    }

    /** The key the model names in a rule it reports ({@code freeze}, {@code immortalize}...). */
    Key byName(String name) {
        Key key = keys.get(name);
        if (key == null) {
            throw new IllegalArgumentException("no key '" + name + "' here; valid keys: " + names());
        }
        return key;
    }

    List<String> names() {
        return List.copyOf(keys.keySet());
    }

    List<Key> all() {
        return List.copyOf(keys.values());
    }

    /** An object schema: these properties and no others, the required ones listed. */
    Map<String, Object> schema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Key key : keys.values()) {
            properties.put(key.name(), key.schema());
            if (key.required()) {
                required.add(key.name());
            }
        }
        Map<String, Object> schema = UnitSchemas.object("type", "object", "properties", properties,
                "additionalProperties", false);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private <K extends Key> K add(K key) {
        if (keys.putIfAbsent(key.name(), key) != null) {
            throw new IllegalStateException("key '" + key.name() + "' is defined twice in one section");
        }
        return key;
    }
}
