package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Orders string-keyed figures the way readers expect: copy sources in {@link CopySource} order first
 * (refcount, gc, allocator, mutation, shutdown), then any other key alphabetically. Hash-map order
 * would make files differ between runs of the same seed.
 */
final class SourceKeys {
    private static final Comparator<String> ORDER = Comparator
            .comparingInt(SourceKeys::rank)
            .thenComparing(Comparator.naturalOrder());

    private SourceKeys() {
    }

    static <V> Map<String, V> ordered(Map<String, V> values) {
        Map<String, V> out = new LinkedHashMap<>();
        for (String key : sorted(values.keySet())) {
            out.put(key, values.get(key));
        }
        return out;
    }

    static TreeSet<String> sorted(Collection<String> keys) {
        TreeSet<String> set = new TreeSet<>(ORDER);
        set.addAll(keys);
        return set;
    }

    private static int rank(String key) {
        for (CopySource source : CopySource.values()) {
            if (source.key().equals(key)) {
                return source.ordinal();
            }
        }
        return CopySource.values().length;
    }
}
