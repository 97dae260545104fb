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

    /** The master's state right after the heap survey: what a production master forking after import has. */
    static InheritedCounters of(ProbeReport report) {
        return of(report, report.gc().countAtFork(), report.gc().longLived());
    }

    /**
     * The state a policy's workers inherited: measured again right before that policy forked, where
     * the probe did (the master collects on its own between the survey and each fork); the survey's
     * otherwise.
     */
    static InheritedCounters of(ProbeReport report, ProbeReport.PolicyRun run) {
        return run.gcCountBeforeFreeze() != null && run.longLivedAtFork() != null
                ? of(report, run.gcCountBeforeFreeze(), run.longLivedAtFork()) : of(report);
    }

    private static InheritedCounters of(ProbeReport report, List<Long> count, ProbeReport.LongLived longLived) {
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
