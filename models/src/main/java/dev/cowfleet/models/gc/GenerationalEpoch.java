package dev.cowfleet.models.gc;

/**
 * The generational collector between two full collections, in closed form: the state just before
 * trigger {@code base} (count1, count2, long-lived pending and total, the request survivors are
 * counted from) determines every later gen-1 collection, the counters at any trigger, and the
 * trigger of the next full collection. Mutable and reused, so that a worker allocates nothing
 * when an epoch ends.
 */
final class GenerationalEpoch {
    private static final long UNKNOWN = -1;
    private static final long NEVER = Long.MAX_VALUE;
    private static final long NOT_ASKED = Long.MIN_VALUE;

    private final long threshold1;
    private final long threshold2;
    private final long stride;
    private final double liveSurvivors;
    /** Searches already done by workers of the same plan (shared by every copy). */
    private final FullTriggerMemo memo;
    /** The memo entry after this worker's previous epoch's: where its next epoch most likely is. */
    private int memoHint;
    private TriggerTimeline timeline;
    private long timelineStart;

    private long base;
    private long count1;
    private long count2;
    private long pending;
    private long total;
    private long reference;
    private long extra;
    private long fullTrigger = UNKNOWN;
    private long lastGen1sToFull;
    /**
     * The last trigger {@link #pendingBefore} and {@link #promotedInFlightBefore} answered for, and
     * their answers: a batch's young collections start at the trigger where the previous batch's
     * ended, and the worker asks the promoted garbage where the collector just noted it. Any change
     * of state forgets them ({@link #forget}).
     */
    private long pendingAt = NOT_ASKED;
    private long pendingThen;
    private long promotedAt = NOT_ASKED;
    private long promotedThen;

    GenerationalEpoch(long threshold1, long threshold2, long stride, double liveSurvivors, FullTriggerMemo memo) {
        this.memo = memo;
        this.threshold1 = threshold1;
        this.threshold2 = threshold2;
        this.stride = stride;
        this.liveSurvivors = liveSurvivors;
    }

    /**
     * Starts an epoch at trigger {@code base}.
     *
     * @param reference requests completed when survivors were last counted (the last gen-1 or full collection)
     * @param extra     survivors the first gen-1 collection adds besides the requests' (the master's young objects)
     */
    void start(long base, long count1, long count2, long pending, long total, long reference, long extra) {
        this.base = base;
        this.count1 = count1;
        this.count2 = count2;
        this.pending = pending;
        this.total = total;
        this.reference = reference;
        this.extra = extra;
        this.fullTrigger = UNKNOWN;
        forget();
    }

    /** Puts this epoch in {@code o}'s state, keeping this storage (the thresholds and memo are the plan's). */
    void copyFrom(GenerationalEpoch o) {
        timeline = o.timeline;
        timelineStart = o.timelineStart;
        base = o.base;
        count1 = o.count1;
        count2 = o.count2;
        pending = o.pending;
        total = o.total;
        reference = o.reference;
        extra = o.extra;
        fullTrigger = o.fullTrigger;
        lastGen1sToFull = o.lastGen1sToFull;
        memoHint = o.memoHint;
        forget();
    }

    /** Follows a new trigger timeline that starts after {@code start} completed requests. */
    void follow(TriggerTimeline t, long start) {
        this.timeline = t;
        this.timelineStart = start;
        this.fullTrigger = UNKNOWN;
        forget();
    }

    private void forget() {
        pendingAt = NOT_ASKED;
        promotedAt = NOT_ASKED;
    }

    long total() {
        return total;
    }

    long extra() {
        return extra;
    }

    /**
     * The first trigger at which gen 2 is both over its threshold and allowed by the long-lived
     * rule. {@code longLivedPending} only grows at gen-1 collections, so this is the trigger after
     * the first gen-1 collection {@code i >= threshold2 + 1 - count2} whose pending reaches
     * {@code total / 4}; pending is monotone in i, so a galloping search from the previous
     * epoch's answer finds i in O(log of the change) evaluations, each O(1).
     */
    long fullTrigger() {
        if (fullTrigger == UNKNOWN) {
            int at = memo.find(memoHint, timeline, timelineStart, base, count1, count2, pending, total, reference, extra);
            if (at != FullTriggerMemo.MISSING) {
                fullTrigger = memo.fullTrigger(at);
            } else {
                fullTrigger = search();
                at = memo.put(new FullTriggerMemo.EpochState(timeline, timelineStart, base, count1, count2, pending,
                        total, reference, extra), fullTrigger);
            }
            memoHint = at + 1;
        }
        return fullTrigger;
    }

    private long search() {
        long limit = total / 4;
        if (count2 > threshold2 && pending >= limit) {
            return timeline.exists(base) ? base : NEVER;
        }
        long first = Math.max(1, threshold2 + 1 - count2);
        long guess = Math.max(first, lastGen1sToFull);
        long lo;
        long hi;
        if (reaches(guess, limit)) {
            hi = guess;
            lo = hi;
            for (long step = 1; lo > first; step *= 2) {
                lo = Math.max(first, hi - step);
                if (!reaches(lo, limit)) {
                    break;
                }
                hi = lo;
            }
            if (reaches(lo, limit)) {
                hi = lo;
            }
        } else {
            lo = guess;
            hi = guess;
            for (long step = 1; ; step = Math.min(step * 2, 1L << 40)) {
                hi = lo + step;
                if (hi > (1L << 50) || !timeline.exists(gen1Trigger(hi) + 1)) {
                    return NEVER;
                }
                if (reaches(hi, limit)) {
                    break;
                }
                lo = hi;
            }
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (reaches(mid, limit)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        if (!timeline.exists(gen1Trigger(hi) + 1)) {
            return NEVER;
        }
        lastGen1sToFull = hi;
        return gen1Trigger(hi) + 1;
    }

    /** Whether pending after the {@code i}-th gen-1 collection allows gen 2 (and that collection fires). */
    private boolean reaches(long i, long limit) {
        return timeline.exists(gen1Trigger(i)) && pendingAfterGen1(i) >= limit;
    }

    /** The epoch's first gen-1 collection: once count1 exceeds threshold1. */
    long firstGen1Trigger() {
        return base + Math.max(0, threshold1 + 1 - count1);
    }

    /** The trigger of the {@code i}-th gen-1 collection of the epoch (1-based). */
    long gen1Trigger(long i) {
        return firstGen1Trigger() + (i - 1) * stride;
    }

    /** Gen-1 collections of the epoch at triggers before {@code j}. */
    long gen1Before(long j) {
        long first = firstGen1Trigger();
        return j <= first ? 0 : (j - 1 - first) / stride + 1;
    }

    /** {@code longLivedPending} after the {@code i}-th gen-1 collection of the epoch. */
    private long pendingAfterGen1(long i) {
        if (i <= 0) {
            return pending;
        }
        long last = gen1Trigger(i);
        long live = liveAt(completedBefore(last)) - liveAt(reference);
        return pending + extra + live + timeline.strideSum(firstGen1Trigger(), i);
    }

    /** {@code longLivedPending} just before trigger {@code j}. */
    long pendingBefore(long j) {
        if (j != pendingAt) {
            pendingThen = pendingAfterGen1(gen1Before(j));
            pendingAt = j;
        }
        return pendingThen;
    }

    /**
     * Objects the epoch's gen-1 collections before trigger {@code j} caught in flight (allocated so
     * far in their request) and promoted to generation 2: a request's cyclic garbage among them stays
     * until the next full collection.
     */
    long promotedInFlightBefore(long j) {
        if (j != promotedAt) {
            long n = gen1Before(j);
            promotedThen = n == 0 ? 0 : timeline.strideSum(firstGen1Trigger(), n);
            promotedAt = j;
        }
        return promotedThen;
    }

    /** {@code count2} just before trigger {@code j}. */
    long count2At(long j) {
        return count2 + gen1Before(j);
    }

    /** {@code count1} just before trigger {@code j}. */
    long count1At(long j) {
        long n = gen1Before(j);
        return n == 0 ? count1 + (j - base) : j - gen1Trigger(n) - 1;
    }

    /** Requests completed when survivors were last counted, as of trigger {@code j}. */
    long referenceAt(long j) {
        long n = gen1Before(j);
        return n == 0 ? reference : completedBefore(gen1Trigger(n));
    }

    /** Requests the worker had completed when trigger {@code j} fired. */
    long completedBefore(long j) {
        return timelineStart + timeline.requestOf(j);
    }

    private long liveAt(long completedRequests) {
        return (long) Math.floor(liveSurvivors * completedRequests);
    }
}
