package dev.cowfleet.sim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping in file order. Each entry keeps the line of its key, which is where "unknown key"
 * errors point. Entries can be replaced by {@code --set} overrides before binding.
 */
final class MapNode implements Node {

    /** One key of the mapping: where the key is written, and its value. */
    record Entry(Where keyWhere, Node value) {
    }

    private final Where where;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    MapNode(Where where) {
        this.where = where;
    }

    @Override
    public Where where() {
        return where;
    }

    Entry get(String key) {
        return entries.get(key);
    }

    Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    void put(String key, Where keyWhere, Node value) {
        entries.put(key, new Entry(keyWhere, value));
    }

    @Override
    public String describe() {
        return "a map";
    }
}
