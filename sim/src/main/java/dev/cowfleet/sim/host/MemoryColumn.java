package dev.cowfleet.sim.host;

import dev.cowfleet.models.memory.CopySource;

/** Where a host's physical memory sits: the master, then worker private memory by cause. */
public enum MemoryColumn {
    MASTER("master"),
    BASELINE("baseline"),
    HEAP_GROWTH("heap-growth"),
    REFCOUNT("refcount"),
    GC("gc"),
    ALLOCATOR("allocator"),
    MUTATION("mutation"),
    SHUTDOWN("shutdown");

    private final String key;

    MemoryColumn(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    static MemoryColumn of(CopySource source) {
        return switch (source) {
            case REFCOUNT -> REFCOUNT;
            case GC -> GC;
            case ALLOCATOR -> ALLOCATOR;
            case MUTATION -> MUTATION;
            case SHUTDOWN -> SHUTDOWN;
        };
    }
}
