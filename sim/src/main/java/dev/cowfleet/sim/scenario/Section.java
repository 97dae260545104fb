package dev.cowfleet.sim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A typed reader of one mapping of the scenario (the root, {@code heap.measured}, one policy...). It knows
 * its key path, the keys it allows (anything else is an error with a "did you mean" hint, checked before
 * any value so a misspelt required key is reported as the misspelling), and records every value it
 * hands out, read or defaulted, in the {@link Provenance}.
 */
final class Section {

    private static final Pattern NAME = Pattern.compile(Key.Nested.NAME_PATTERN);

    private final Node.Mapping map;
    private final String path;
    private final Where where;
    private final Provenance provenance;

    /**
     * @param where where the section is declared (its parent key), for "missing key" errors
     * @param keys the keys this section may hold
     */
    Section(Node.Mapping map, String path, Where where, Provenance provenance, Keys keys) {
        this.map = map;
        this.path = path;
        this.where = where;
        this.provenance = provenance;
        List<String> allowed = keys.names();
        for (Map.Entry<String, Node.Mapping.Entry> entry : map.entries().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw ScenarioException.at(entry.getValue().keyWhere(), "unknown key '" + keyPath(entry.getKey()) + "'"
                        + Suggestions.closest(entry.getKey(), allowed).map(c -> ", did you mean '" + c + "'?")
                        .orElse(" (valid keys here: " + String.join(", ", allowed) + ")"));
            }
        }
    }

    private String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(Key key) {
        return entry(key.name()) != null;
    }

    /** Where {@code key} is written, or where this section is when the key is absent. */
    private Where whereOf(Key key) {
        Node.Mapping.Entry entry = entry(key.name());
        return entry == null ? where : entry.value().where();
    }

    <T> T required(Key.Value<T> def) {
        String key = def.name();
        ValueKind<T> kind = def.kind();
        Node.Mapping.Entry entry = entry(key);
        if (entry == null) {
            throw ScenarioException.at(where, keyPath(key), "missing, expected " + kind.expected());
        }
        T value = kind.read(entry.value(), keyPath(key));
        provenance.record(keyPath(key), kind.format(value), entry.value().where().origin());
        return value;
    }

    /** The value of {@code def}, or its fixed default (recorded with the default's origin) when absent. */
    <T> T optional(Key.Value<T> def) {
        T fallback = def.staticDefault().orElseThrow(() -> new IllegalStateException(
                "'" + def.name() + "' has no fixed default; its read must give one"));
        return optional(def, fallback, def.defaultOrigin());
    }

    /** The value of {@code def}, or {@code fallback} recorded with {@code fallbackOrigin} when absent. */
    <T> T optional(Key.Value<T> def, T fallback, String fallbackOrigin) {
        if (!has(def)) {
            provenance.record(keyPath(def.name()), def.kind().format(fallback), fallbackOrigin);
            return fallback;
        }
        return required(def);
    }

    /** The value of {@code def} if present (and recorded), without a default. */
    <T> Optional<T> ifPresent(Key.Value<T> def) {
        return has(def) ? Optional.of(required(def)) : Optional.empty();
    }

    /** The sub-mapping under {@code def}, if present; a YAML null ("key:" alone) counts as an empty one. */
    Optional<Section> section(Key.Nested def) {
        String key = def.name();
        Node.Mapping.Entry entry = entry(key);
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(new Section(mapOf(entry, keyPath(key), "a section of keys"), keyPath(key),
                entry.keyWhere(), provenance, def.keys()));
    }

    /** Like {@link #section} but an empty section when absent, so that all its defaults are recorded. */
    Section sectionOrEmpty(Key.Nested def) {
        return section(def).orElseGet(() -> new Section(new Node.Mapping(where), keyPath(def.name()), where,
                provenance, def.keys()));
    }

    /** The sub-mappings of a mapping with free-form names ({@code policies}), in file order. */
    Map<String, Section> namedSections(Key.Nested def) {
        String key = def.name();
        Keys allowedKeys = def.keys();
        Node.Mapping.Entry entry = entry(key);
        if (entry == null) {
            throw ScenarioException.at(where, keyPath(key), "missing, expected a map of names to sections");
        }
        Node.Mapping named = mapOf(entry, keyPath(key), "a map of names to sections");
        Map<String, Section> sections = new LinkedHashMap<>();
        for (Map.Entry<String, Node.Mapping.Entry> child : named.entries().entrySet()) {
            String childPath = keyPath(key) + "." + child.getKey();
            if (!NAME.matcher(child.getKey()).matches()) {
                throw ScenarioException.at(child.getValue().keyWhere(), childPath,
                        "expected a name of letters, digits, '-' and '_', got '" + child.getKey() + "'");
            }
            sections.put(child.getKey(), new Section(mapOf(child.getValue(), childPath, "a section of keys"),
                    childPath, child.getValue().keyWhere(), provenance, allowedKeys));
        }
        return sections;
    }

    /** The items of the list under {@code key} as sections; each item is a mapping with {@code allowedKeys}. */
    List<Section> sectionList(Key.Nested def, String expected) {
        String key = def.name();
        Keys allowedKeys = def.keys();
        Node.Mapping.Entry entry = entry(key);
        if (entry == null) {
            throw ScenarioException.at(where, keyPath(key), "missing, expected " + expected);
        }
        if (!(entry.value() instanceof Node.Sequence list) || list.size() == 0) {
            throw ScenarioException.at(entry.value().where(), keyPath(key), "expected " + expected + ", got "
                    + (entry.value() instanceof Node.Sequence ? "an empty list" : entry.value().describe()));
        }
        List<Node> items = list.items();
        return IntStream.range(0, items.size()).mapToObj(i -> {
            String itemPath = keyPath(key) + "." + i;
            if (!(items.get(i) instanceof Node.Mapping item)) {
                throw ScenarioException.at(items.get(i).where(), itemPath, "expected " + expected + ", got "
                        + items.get(i).describe());
            }
            return new Section(item, itemPath, item.where(), provenance, allowedKeys);
        }).toList();
    }

    /** A problem with the value of {@code key} (or with its absence), at the key's place. */
    ScenarioException fail(Key key, String problem) {
        return ScenarioException.at(whereOf(key), keyPath(key.name()), problem);
    }

    /** {@code value} of {@code key} as an int of at least 1 (workers, cores, replications). */
    int positiveInt(Key key, long value) {
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw fail(key, "expected at least 1, got " + value);
        }
        return (int) value;
    }

    /** A key of some section, one of the keys a check of several keys together involves. */
    record KeyAt(Section section, Key key) {
    }

    KeyAt key(Key key) {
        return new KeyAt(this, key);
    }

    /**
     * A problem with several keys together, e.g. a heap that does not fit the RAM. It is reported at
     * {@code key}, unless that comes from the file and one of {@code others} from a {@code --set} flag:
     * then the flag is the change that broke the file, and the user should hear about the flag.
     */
    ScenarioException failTogether(Key key, String problem, KeyAt... others) {
        if (!whereOf(key).flag()) {
            for (KeyAt other : others) {
                if (other.section().whereOf(other.key()).flag()) {
                    return other.section().fail(other.key(), problem);
                }
            }
        }
        return fail(key, problem);
    }

    private Node.Mapping.Entry entry(String key) {
        return map.get(key);
    }

    private static Node.Mapping mapOf(Node.Mapping.Entry entry, String keyPath, String expected) {
        if (entry.value() instanceof Node.Mapping m) {
            return m;
        }
        if (entry.value() instanceof Node.Scalar s && s.isNull()) {
            return new Node.Mapping(entry.keyWhere());
        }
        throw ScenarioException.at(entry.value().where(), keyPath, "expected " + expected + ", got "
                + entry.value().describe());
    }
}
