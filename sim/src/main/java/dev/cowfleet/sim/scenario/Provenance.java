package dev.cowfleet.sim.scenario;

import dev.cowfleet.sim.result.EffectiveInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects every effective scenario value with its origin while a scenario is bound, keyed by key path. */
final class Provenance {

    private final Map<String, EffectiveInput> inputs = new TreeMap<>();

    void record(String keyPath, String value, String origin) {
        inputs.put(keyPath, new EffectiveInput(keyPath, value, origin));
    }

    /** All recorded values, sorted by key path. */
    List<EffectiveInput> sorted() {
        return List.copyOf(new ArrayList<>(inputs.values()));
    }
}
