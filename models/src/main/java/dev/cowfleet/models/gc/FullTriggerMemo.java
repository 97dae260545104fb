package dev.cowfleet.models.gc;

/**
 * The next full collection's trigger for epoch states already searched, shared by every worker of
 * one {@link GcPlan}. The collector is deterministic: every lifetime of a recycling fleet passes
 * through the same few epochs (the same full collections at the same request numbers), so each
 * search ({@link GenerationalEpoch#fullTrigger}) is done once per plan instead of once per lifetime.
 * The answer is a function of the state alone, so a hit returns exactly what a search would.
 *
 * <p>Thread-safe: readers scan an immutable snapshot, writers replace it; an entry never moves, so a
 * place stays valid in later snapshots. It holds at most
 * {@value #CAPACITY} states, the epochs of the first lifetimes; a long-lived worker's later epochs,
 * each met once, are searched as before.
 */
final class FullTriggerMemo {
    static final int MISSING = -1;
    private static final int CAPACITY = 64;

    /** An epoch's whole state as far as the search reads it (the thresholds are the plan's). */
    record EpochState(TriggerTimeline timeline, long timelineStart, long base, long count1, long count2,
                      long pending, long total, long reference, long extra) {
        boolean matches(TriggerTimeline timeline, long timelineStart, long base, long count1, long count2,
                        long pending, long total, long reference, long extra) {
            return this.base == base && this.reference == reference && this.total == total && this.pending == pending
                    && this.count1 == count1 && this.count2 == count2 && this.extra == extra
                    && this.timelineStart == timelineStart && this.timeline == timeline;
        }
    }

    private record Answer(EpochState state, long fullTrigger) {
    }

    private volatile Answer[] answers = new Answer[0];

    /**
     * Where this state is recorded, or {@link #MISSING}; allocates nothing. Every lifetime meets the
     * same epochs in the same order, so the entry after the previous epoch's, {@code hint}, is
     * tried first and the scan is the exception.
     */
    int find(int hint, TriggerTimeline timeline, long timelineStart, long base, long count1, long count2, long pending,
             long total, long reference, long extra) {
        Answer[] now = answers;
        if (hint >= 0 && hint < now.length
                && now[hint].state.matches(timeline, timelineStart, base, count1, count2, pending, total, reference, extra)) {
            return hint;
        }
        for (int i = 0; i < now.length; i++) {
            if (now[i].state.matches(timeline, timelineStart, base, count1, count2, pending, total, reference, extra)) {
                return i;
            }
        }
        return MISSING;
    }

    /** The trigger recorded at {@code index}, a place {@link #find} or {@link #put} returned. */
    long fullTrigger(int index) {
        return answers[index].fullTrigger;
    }

    /** Records a searched state; returns its place, or {@link #MISSING} when the memo is full. */
    synchronized int put(EpochState state, long fullTrigger) {
        Answer[] now = answers;
        if (now.length >= CAPACITY) {
            return MISSING;
        }
        Answer[] next = java.util.Arrays.copyOf(now, now.length + 1);
        next[now.length] = new Answer(state, fullTrigger);
        answers = next;
        return now.length;
    }
}
