package dev.cowfleet.sim.scenario;

/**
 * The master's collector state at fork, which every worker inherits and which decides when its first full
 * collection comes (PRIMER §3, long-lived rule): the {@code heap.gcCounters} section. Defaults are the
 * master's state right after a {@code gc.collect()} just before fork: empty young generations, and every
 * tracked object that is not frozen counted as long-lived.
 */
public record GcCountersSpec(long count0, long count1, long count2, long longLivedTotal, long longLivedPending) {

    private static final String AFTER_COLLECT = "default (as after gc.collect() in the master)";
    static final Keys KEYS = new Keys();
    private static final Key.Value<Long> COUNT0 = KEYS.optional("count0", Kinds.C_INT_COUNT, 0L, AFTER_COLLECT,
            "Generation-0 counter at fork (gc.get_count()[0]).");
    private static final Key.Value<Long> COUNT1 = KEYS.optional("count1", Kinds.C_INT_COUNT, 0L, AFTER_COLLECT,
            "Generation-1 counter at fork (gc.get_count()[1]).");
    private static final Key.Value<Long> COUNT2 = KEYS.optional("count2", Kinds.C_INT_COUNT, 0L, AFTER_COLLECT,
            "Generation-2 counter at fork (gc.get_count()[2]).");
    private static final Key.Value<Long> LONG_LIVED_TOTAL = KEYS.derived("longLivedTotal", Kinds.COUNT,
            "trackedObjects minus frozenObjects", "Long-lived objects the collector counts at fork.");
    private static final Key.Value<Long> LONG_LIVED_PENDING = KEYS.optional("longLivedPending", Kinds.COUNT,
            0L, AFTER_COLLECT, "Long-lived objects not yet examined by a full collection at fork.");

    static GcCountersSpec read(Section s, HeapSpec.Contents contents) {
        long frozen = contents instanceof MeasuredHeapSpec m ? m.frozenObjects() : 0;
        long tracked = contents.trackedObjects();
        long count0 = s.optional(COUNT0);
        long count1 = s.optional(COUNT1);
        long count2 = s.optional(COUNT2);
        long total = atMostTracked(s, LONG_LIVED_TOTAL, s.optional(LONG_LIVED_TOTAL, tracked - frozen,
                AFTER_COLLECT), tracked);
        long pending = atMostTracked(s, LONG_LIVED_PENDING, s.optional(LONG_LIVED_PENDING), tracked);
        return new GcCountersSpec(count0, count1, count2, total, pending);
    }

    /** Long-lived counters count tracked objects, so they cannot exceed the heap's tracked objects. */
    private static long atMostTracked(Section s, Key key, long value, long tracked) {
        if (value > tracked) {
            throw s.fail(key, Units.formatCount(value) + " exceeds the heap's " + Units.formatCount(tracked)
                    + " tracked objects");
        }
        return value;
    }
}
