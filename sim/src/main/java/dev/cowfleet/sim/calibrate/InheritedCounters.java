package dev.cowfleet.sim.calibrate;

import java.util.List;

/**
 * The master's collector counters at fork as the models take them. {@code count0..2} are
 * {@code gc.get_count()}; the long-lived pair comes from the probe's experiment. When that
 * experiment saw no full collection, nothing was promoted fast enough to reach the long-lived limit,
 * so the pending count is taken as zero and every tracked object as long-lived.
 */
record InheritedCounters(long count0, long count1, long count2, long longLivedTotal, long longLivedPending,
                         String method) {

    static InheritedCounters of(ProbeReport report) {
        List<Long> count = report.gc().countAtFork();
        ProbeReport.LongLived longLived = report.gc().longLived();
        long tracked = report.heap().trackedObjects() - report.heap().frozenObjects();
        if (longLived == null || longLived.total() == null || longLived.pending() == null) {
            return new InheritedCounters(count.get(0), count.get(1), count.get(2), tracked, 0,
                    "no full collection observed; pending taken as 0");
        }
        // The experiment counts gen 2 after promoting the young; the heap survey may see a few
        // objects fewer, and the scenario schema caps both counters at the tracked objects.
        long total = Math.min(longLived.total(), tracked);
        long pending = Math.min(longLived.pending(), tracked - total);
        String method = longLived.survivorsUntilFullCollection() != null && longLived.survivorsUntilFullCollection() == 0
                ? "the first full-collection check fires at once, so pending is its lower bound total/4"
                : "from the survivors a fork needed until its first full collection";
        return new InheritedCounters(count.get(0), count.get(1), count.get(2), total, pending, method);
    }
}
