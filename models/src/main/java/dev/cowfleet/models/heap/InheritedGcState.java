package dev.cowfleet.models.heap;

import dev.cowfleet.models.runtime.GcThresholds;
import dev.cowfleet.models.runtime.ModelInputException;

/**
 * The master's collector counters at fork, which every worker inherits ({@code gc.get_count()}
 * plus the two long-lived counters of {@code gcmodule.c}). They decide how soon a worker's first
 * full collection comes: it needs {@code count2 > threshold2} and
 * {@code longLivedPending >= longLivedTotal / 4}.
 */
public record InheritedGcState(long count0, long count1, long count2, long longLivedTotal, long longLivedPending) {
    public InheritedGcState {
        ModelInputException.requireNonNegative("heap.gcCounters.count0", count0);
        ModelInputException.requireNonNegative("heap.gcCounters.count1", count1);
        ModelInputException.requireNonNegative("heap.gcCounters.count2", count2);
        ModelInputException.requireNonNegative("heap.gcCounters.longLivedTotal", longLivedTotal);
        ModelInputException.requireNonNegative("heap.gcCounters.longLivedPending", longLivedPending);
    }

    /**
     * Counters of a master that has just finished importing an application of
     * {@code trackedObjects} tracked objects, when nobody measured them: every counter half-way
     * to its threshold, gen2 holding all tracked objects, and pending half-way to the
     * long-lived limit (total / 8), the expected value if fork time is uncorrelated with the
     * master's last full collection. An assumption, not a measurement: measure with
     * {@code gc.get_count()} and {@code gc.get_stats()} where it matters.
     */
    public static InheritedGcState midCycle(long trackedObjects, GcThresholds thresholds) {
        return new InheritedGcState(thresholds.young() / 2, thresholds.middle() / 2, thresholds.old() / 2,
                trackedObjects, trackedObjects / 8);
    }

    /** A state with every counter zero (a master that just ran gc.collect()). */
    public static InheritedGcState afterFullCollection(long survivors) {
        return new InheritedGcState(0, 0, 0, survivors, 0);
    }
}
