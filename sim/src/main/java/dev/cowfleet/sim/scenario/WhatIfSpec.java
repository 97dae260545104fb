package dev.cowfleet.sim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional {@code whatIf} section: the sweep grid and tornado chart a scenario asks for by default, so
 * {@code cowfleet sweep SCENARIO} needs no flags. The values stay text: each is applied as a
 * {@code --set key.path=value} override and validated like the file when the sweep loads its points.
 * Its {@code vary} map is keyed by scenario key paths ({@code host.workers}), which are free-form text rather
 * than a fixed key set, so it is read from the tree directly.
 *
 * @param vary    scenario key path to the values it takes, in file order (empty when not given)
 * @param tornado the tornado chart's inputs, if asked for
 */
public record WhatIfSpec(Map<String, List<String>> vary, Optional<Tornado> tornado) {

    public WhatIfSpec {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        vary.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        vary = Collections.unmodifiableMap(copy);
    }

    /**
     * @param fraction how far each key is moved down and up, e.g. 0.2 for +-20%
     * @param keys     the numeric scenario key paths to move, one at a time
     */
    public record Tornado(double fraction, List<String> keys) {
        public Tornado {
            keys = List.copyOf(keys);
        }
    }

    private static final ValueKind<String> VALUE = Kinds.scalar("a scenario value like 250MiB", text -> text,
            text -> text, UnitSchemas.SCALAR);
    private static final ValueKind<List<String>> VALUES = Kinds.listOf(VALUE, "a list of values like [40, 70]");
    private static final ValueKind<List<String>> KEY_PATHS = Kinds.listOf(Kinds.TEXT,
            "a list of key paths like [host.ram, heap.measured.heapSize]");

    private static final Keys TORNADO_KEYS = new Keys();
    private static final Key.Value<Double> PERCENT = TORNADO_KEYS.required("percent", Kinds.FRACTION,
            "How far each key is moved down and up, like 20%.");
    private static final Key.Value<List<String>> TORNADO_PATHS = TORNADO_KEYS.required("keys", KEY_PATHS,
            "The key paths to move one at a time.");

    static final Keys KEYS = new Keys();
    private static final Key.Value<Map<String, List<String>>> VARY = KEYS.derived("vary", varyKind(), "no sweep grid",
            "Key paths to the values the sweep runs, like {host.workers: [40, 70]}; every combination runs.");
    private static final Key.Nested TORNADO = KEYS.section("tornado", TORNADO_KEYS, false,
            "A tornado chart: which keys move the answer most.");

    static Optional<WhatIfSpec> read(Node.Mapping root, Provenance provenance, Key.Nested whatIfKey) {
        Node.Mapping.Entry entry = root.get(whatIfKey.name());
        if (entry == null) {
            return Optional.empty();
        }
        if (!(entry.value() instanceof Node.Mapping map)) {
            throw ScenarioException.at(entry.value().where(), "whatIf", "expected a section with vary and/or "
                    + "tornado, got " + entry.value().describe());
        }
        Section whatIf = new Section(map, "whatIf", entry.keyWhere(), provenance, whatIfKey.keys());
        // Read without recording: the sweep records each value it applies as an override.
        Node.Mapping.Entry varyEntry = map.get(VARY.name());
        Map<String, List<String>> vary = varyEntry == null ? Map.of()
                : VARY.kind().read(varyEntry.value(), "whatIf.vary");
        Optional<Tornado> tornado = whatIf.section(TORNADO).map(t -> {
            double fraction = t.required(PERCENT);
            if (fraction <= 0 || fraction >= 1) {
                throw t.fail(PERCENT, "expected a share between 0% and 100% like 20%, got "
                        + Units.formatFraction(fraction));
            }
            List<String> keys = t.required(TORNADO_PATHS);
            if (keys.isEmpty()) {
                throw t.fail(TORNADO_PATHS, "expected at least one key path like [host.ram]");
            }
            return new Tornado(fraction, keys);
        });
        return Optional.of(new WhatIfSpec(vary, tornado));
    }

    /** A map of key paths (free text, checked when the sweep applies them) to non-empty value lists. */
    private static ValueKind<Map<String, List<String>>> varyKind() {
        String expected = "a map of key paths to value lists like {host.workers: [40, 70]}";
        return new ValueKind<>() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public Map<String, List<String>> read(Node node, String keyPath) {
                if (!(node instanceof Node.Mapping varyMap)) {
                    throw ScenarioException.at(node.where(), keyPath, "expected " + expected + ", got "
                            + node.describe());
                }
                Map<String, List<String>> vary = new LinkedHashMap<>();
                varyMap.entries().forEach((path, values) -> {
                    List<String> list = VALUES.read(values.value(), keyPath + "." + path);
                    if (list.isEmpty()) {
                        throw ScenarioException.at(values.value().where(), keyPath + "." + path,
                                "expected at least one value like [40, 70], got an empty list");
                    }
                    vary.put(path, list);
                });
                return vary;
            }

            @Override
            public String format(Map<String, List<String>> vary) {
                return vary.toString();
            }

            @Override
            public Map<String, Object> schema() {
                return UnitSchemas.object("type", "object", "additionalProperties",
                        UnitSchemas.list(VALUE.schema(), 1, null));
            }
        };
    }
}
