package dev.cowfleet.sim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the optional {@code whatIf} section. Its {@code vary} map is keyed by scenario key paths
 * ({@code host.workers}), which are free-form text rather than a fixed key set, so it is read from the tree
 * directly; whether each path and value is valid is checked when the sweep applies them as overrides.
 */
final class WhatIfBinder {

    static final List<String> KEYS = List.of("vary", "tornado");
    private static final List<String> TORNADO_KEYS = List.of("percent", "keys");
    private static final ValueKind<String> VALUE = Kinds.scalar("a scenario value like 250MiB", text -> text,
            text -> text);
    private static final ValueKind<List<String>> VALUES = Kinds.listOf(VALUE, "a list of values like [40, 70]");
    private static final ValueKind<List<String>> KEY_PATHS = Kinds.listOf(Kinds.TEXT,
            "a list of key paths like [host.ram, heap.measured.heapSize]");

    private WhatIfBinder() {
    }

    static Optional<WhatIfSpec> bind(MapNode root, Provenance provenance) {
        MapNode.Entry entry = root.get("whatIf");
        if (entry == null) {
            return Optional.empty();
        }
        if (!(entry.value() instanceof MapNode map)) {
            throw ScenarioException.at(entry.value().where(), "whatIf", "expected a section with vary and/or "
                    + "tornado, got " + entry.value().describe());
        }
        Section whatIf = new Section(map, "whatIf", entry.keyWhere(), provenance, KEYS);
        Map<String, List<String>> vary = new LinkedHashMap<>();
        MapNode.Entry varyEntry = map.get("vary");
        if (varyEntry != null) {
            if (!(varyEntry.value() instanceof MapNode varyMap)) {
                throw ScenarioException.at(varyEntry.value().where(), "whatIf.vary", "expected a map of key paths "
                        + "to value lists like {host.workers: [40, 70]}, got " + varyEntry.value().describe());
            }
            varyMap.entries().forEach((keyPath, values) -> {
                List<String> list = VALUES.read(values.value(), "whatIf.vary." + keyPath);
                if (list.isEmpty()) {
                    throw ScenarioException.at(values.value().where(), "whatIf.vary." + keyPath,
                            "expected at least one value like [40, 70], got an empty list");
                }
                vary.put(keyPath, list);
            });
        }
        Optional<WhatIfSpec.Tornado> tornado = whatIf.section("tornado", TORNADO_KEYS).map(t -> {
            double fraction = t.required("percent", Kinds.FRACTION);
            if (fraction <= 0 || fraction >= 1) {
                throw t.fail("percent", "expected a share between 0% and 100% like 20%, got "
                        + Units.formatFraction(fraction));
            }
            List<String> keys = t.required("keys", KEY_PATHS);
            if (keys.isEmpty()) {
                throw t.fail("keys", "expected at least one key path like [host.ram]");
            }
            return new WhatIfSpec.Tornado(fraction, keys);
        });
        return Optional.of(new WhatIfSpec(vary, tornado));
    }
}
