package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects every effective scenario value with its origin while a scenario is bound, keyed by key path. */
final class Provenance {

    /**
     * By key path, segment by segment: a policy's keys stay together and a name sorts before its
     * longer variants ({@code threshold0.*} before {@code threshold0-exit.*}), which a plain string
     * order splits because '-' sorts before '.'.
     */
    static final Comparator<String> KEY_PATH_ORDER = (a, b) -> {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = left[i].compareTo(right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    };

    private final Map<String, EffectiveInput> inputs = new TreeMap<>(KEY_PATH_ORDER);

    void record(String keyPath, String value, String origin) {
        inputs.put(keyPath, new EffectiveInput(keyPath, value, origin));
    }

    /** All recorded values, sorted by key path. */
    List<EffectiveInput> sorted() {
        return List.copyOf(new ArrayList<>(inputs.values()));
    }
}
