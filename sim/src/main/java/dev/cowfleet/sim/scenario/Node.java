package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it came from. The loader builds its own small tree rather than a Jackson
 * {@code JsonNode} because every key and value must keep its line for error messages and provenance.
 */
sealed interface Node permits Node.Mapping, Node.Sequence, Node.Scalar {

    Where where();

    /** What this node is, for "expected a size like 250MiB, got a map" messages. */
    String describe();

    /**
     * A scalar as written in the file: its raw text, so that "3.10" stays "3.10" and "1.5M" reaches the
     * unit parser untouched. {@code text} is null for a YAML null ("key:" with nothing after it).
     */
    record Scalar(Where where, String text) implements Node {

        boolean isNull() {
            return text == null;
        }

        @Override
        public String describe() {
            return isNull() ? "nothing" : "'" + text + "'";
        }
    }

    /** A YAML sequence. Items can be replaced by a {@code --set list.3=...} override. */
    final class Sequence implements Node {

        private final Where where;
        private final List<Node> items;

        Sequence(Where where, List<Node> items) {
            this.where = where;
            this.items = new ArrayList<>(items);
        }

        @Override
        public Where where() {
            return where;
        }

        List<Node> items() {
            return List.copyOf(items);
        }

        int size() {
            return items.size();
        }

        void set(int index, Node item) {
            items.set(index, item);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A YAML mapping in file order. Each entry keeps the line of its key, which is where "unknown key"
     * errors point. Entries can be replaced by {@code --set} overrides before the scenario is read.
     */
    final class Mapping implements Node {

        /** One key of the mapping: where the key is written, and its value. */
        record Entry(Where keyWhere, Node value) {
        }

        private final Where where;
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        Mapping(Where where) {
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
}
