package dev.cowfleet.models.gc;

/**
 * The next full collection's trigger for epoch states already searched, shared by every worker of
 * one {@link GcPlan}. The collector is deterministic: every lifetime of a recycling fleet passes
 * through the same few epochs (the same full collections at the same request numbers), so each
 * search ({@link GenerationalEpoch#fullTrigger}) is done once per plan instead of once per lifetime.
 * The answer is a function of the state alone, so a hit returns exactly what a search would.
 *
 * <p>Thread-safe: readers scan an immutable snapshot, writers replace it. It holds at most
 * {@value #CAPACITY} states, the epochs of the first lifetimes; a long-lived worker's later epochs,
 * each met once, are searched as before.
 */
final class FullTriggerMemo {
    static final long UNKNOWN = -1;
    private static final int CAPACITY = 64;

    /** An epoch's whole state as far as the search reads it (the thresholds are the plan's). */
    record EpochState(TriggerTimeline timeline, long timelineStart, long base, long count1, long count2,
                      long pending, long total, long reference, long extra) {
    }

    private record Answer(EpochState state, long fullTrigger) {
    }

    private volatile Answer[] answers = new Answer[0];

    /** The trigger recorded for this state, or {@link #UNKNOWN}; allocates nothing. */
    long find(TriggerTimeline timeline, long timelineStart, long base, long count1, long count2, long pending,
              long total, long reference, long extra) {
        for (Answer a : answers) {
            EpochState s = a.state;
            if (s.base == base && s.reference == reference && s.total == total && s.pending == pending
                    && s.count1 == count1 && s.count2 == count2 && s.extra == extra
                    && s.timelineStart == timelineStart && s.timeline == timeline) {
                return a.fullTrigger;
            }
        }
        return UNKNOWN;
    }

    synchronized void put(EpochState state, long fullTrigger) {
        Answer[] now = answers;
        if (now.length < CAPACITY) {
            Answer[] next = java.util.Arrays.copyOf(now, now.length + 1);
            next[now.length] = new Answer(state, fullTrigger);
            answers = next;
        }
    }
}
