package dev.cowfleet.sim.host;

import dev.cowfleet.models.memory.CopySource;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a host's physical memory sits: the master, a worker's own memory (baseline and heap
 * growth), then one column per {@link CopySource}, derived from that enum so the two never drift.
 */
public enum MemoryColumn {
    MASTER("master"),
    BASELINE("baseline"),
    HEAP_GROWTH("heap-growth");

    /** Columns before the copy sources' (values() clones, so not at every sample of every worker). */
    private static final int OWN = values().length;
    /** Columns in all: these, then the copy sources in their enum order. */
    public static final int COUNT = OWN + CopySource.values().length;

    private final String key;

    MemoryColumn(String key) {
        this.key = key;
    }

    public int index() {
        return ordinal();
    }

    public static int index(CopySource source) {
        return OWN + source.ordinal();
    }

    /** Column names in index order, e.g. master, baseline, heap-growth, refcount, gc, ... */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (MemoryColumn column : values()) {
            keys.add(column.key);
        }
        for (CopySource source : CopySource.values()) {
            keys.add(source.key());
        }
        return keys;
    }
}
