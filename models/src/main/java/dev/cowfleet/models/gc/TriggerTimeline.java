package dev.cowfleet.models.gc;

import dev.cowfleet.models.runtime.ModelInputException;

import java.util.Arrays;

/**
 * When automatic collections are triggered, request by request, from a given {@code count0}.
 *
 * <p>CPython increments {@code count0} at each allocation of a tracked object and triggers a
 * collection as soon as {@code count0 > threshold0}; any collection resets {@code count0} to 0
 * (whichever generation it collects). Deallocations decrement it down to 0. A request allocates
 * {@code peak} tracked objects and then frees {@code freed} of them, so the count at the start of the
 * next request is a function of the count at the start of this one, and a request's triggers (and
 * the allocation index within the request at which each fires) depend only on that count. The
 * sequence of counts is therefore eventually periodic: a transient then a cycle of at most
 * {@code threshold0 + 1} requests. This class stores both once, so any request or trigger index
 * maps to its position in O(1) or O(log cycle).
 *
 * <p>Triggers are numbered from 0 in order; requests from 0 relative to the timeline's start.
 */
public final class TriggerTimeline {
    /** Refuse cycles whose trigger tables would not fit comfortably in memory. */
    private static final long MAX_TABLE_TRIGGERS = 20_000_000L;
    /** Largest young threshold with a count table (use gc.set_threshold(0) to switch collection off). */
    public static final int MAX_THRESHOLD0 = 4_000_000;
    /** Longest count0 transient plus cycle, in requests. */
    private static final int MAX_TABLE_REQUESTS = 4_000_000;

    private final long transientRequests;
    private final long[] transientPrefix;      // triggers before transient request r, length transientRequests + 1
    private final long[] transientAlloc;       // allocation index of each transient trigger
    private final long[] transientRequestOf;   // request of each transient trigger
    private final long cycleRequests;
    private final long[] cyclePrefix;          // triggers before cycle request r, length cycleRequests + 1
    private final long[] cycleAlloc;
    private final long[] cycleRequestOf;
    private final long maxRequestsWithoutTrigger;
    private final long peak;
    private final long freed;
    private final long startCount;
    private final StrideSums strideSums;

    /**
     * @param threshold0 the young threshold (> 0: automatic collection on)
     * @param peak       tracked allocations per request
     * @param freed      tracked deallocations per request ({@code <= peak})
     * @param startCount {@code count0} at the start of request 0
     * @param stride     the gen-1 period in triggers, for {@link #strideSum}
     */
    public TriggerTimeline(int threshold0, long peak, long freed, long startCount, long stride) {
        if (threshold0 <= 0) {
            throw new IllegalArgumentException("automatic collection needs threshold0 > 0");
        }
        if (threshold0 > MAX_THRESHOLD0) {
            throw new ModelInputException("thresholds: a young threshold of " + threshold0 + " is above the supported "
                    + MAX_THRESHOLD0 + "; use gc: threshold0 to switch automatic collection off");
        }
        this.peak = peak;
        this.freed = freed;
        this.startCount = startCount;
        long period = threshold0 + 1L;
        int[] firstSeen = new int[threshold0 + 1];
        Arrays.fill(firstSeen, -1);
        LongList requestTriggers = new LongList();
        LongList requestFirstAlloc = new LongList();
        long count = startCount;
        int r = 0;
        int cycleStart;
        while (true) {
            if (count > threshold0 && peak == 0) {
                // nothing is ever allocated: the count stays above the threshold without a trigger
                requestTriggers.add(0);
                requestFirstAlloc.add(0);
                cycleStart = r;
                r++;
                break;
            }
            if (count <= threshold0) {
                if (firstSeen[(int) count] >= 0) {
                    cycleStart = firstSeen[(int) count];
                    break;
                }
                firstSeen[(int) count] = r;
            }
            long first = count > threshold0 ? 1 : period - count;
            long n = first <= peak ? 1 + (peak - first) / period : 0;
            long afterAllocation = n > 0 ? peak - first - (n - 1) * period : count + peak;
            requestTriggers.add(n);
            requestFirstAlloc.add(first);
            count = Math.max(0, afterAllocation - freed);
            r++;
            if (r > MAX_TABLE_REQUESTS) {
                throw new ModelInputException("thresholds: count0 takes more than " + MAX_TABLE_REQUESTS
                        + " requests to repeat with threshold0 " + threshold0 + " and workload.trackedAllocationsPeak "
                        + peak + "; lower the young threshold");
            }
        }
        this.transientRequests = cycleStart;
        this.cycleRequests = r - cycleStart;
        long transientTriggers = 0;
        long cycleTriggers = 0;
        for (int i = 0; i < r; i++) {
            if (i < cycleStart) {
                transientTriggers += requestTriggers.get(i);
            } else {
                cycleTriggers += requestTriggers.get(i);
            }
        }
        if (transientTriggers + cycleTriggers > MAX_TABLE_TRIGGERS) {
            throw new ModelInputException("workload.trackedAllocationsPeak (" + peak + ") triggers too many collections per "
                    + "request for threshold0 " + threshold0 + " (limit " + MAX_TABLE_TRIGGERS + " per count0 cycle)");
        }
        transientPrefix = new long[cycleStart + 1];
        transientAlloc = new long[(int) transientTriggers];
        transientRequestOf = new long[(int) transientTriggers];
        cyclePrefix = new long[(int) cycleRequests + 1];
        cycleAlloc = new long[(int) cycleTriggers];
        cycleRequestOf = new long[(int) cycleTriggers];
        int t = 0;
        int c = 0;
        long run = 0;
        long maxRun = 0;
        for (int i = 0; i < r; i++) {
            long n = requestTriggers.get(i);
            long first = requestFirstAlloc.get(i);
            boolean inCycle = i >= cycleStart;
            for (long k = 0; k < n; k++) {
                if (inCycle) {
                    cycleAlloc[c] = first + k * period;
                    cycleRequestOf[c] = i - cycleStart;
                    c++;
                } else {
                    transientAlloc[t] = first + k * period;
                    transientRequestOf[t] = i;
                    t++;
                }
            }
            if (inCycle) {
                cyclePrefix[i - cycleStart + 1] = c;
            } else {
                transientPrefix[i + 1] = t;
            }
            if (inCycle) {
                run = n == 0 ? run + 1 : 0;
                maxRun = Math.max(maxRun, run);
            }
        }
        if (cycleTriggers > 0) {
            // a triggerless run can wrap around the end of the cycle
            long lead = 0;
            while (requestTriggers.get(cycleStart + (int) lead) == 0) {
                lead++;
            }
            maxRun = Math.max(maxRun, run + lead);
        }
        this.maxRequestsWithoutTrigger = cycleTriggers > 0 ? maxRun : Long.MAX_VALUE;
        this.strideSums = cycleTriggers > 0 ? new StrideSums(cycleAlloc, stride) : null;
    }

    /** Whether the cycle has any trigger at all (false: the count settles below the threshold). */
    public boolean triggersForever() {
        return cycleAlloc.length > 0;
    }

    /** Whether trigger {@code j} ever fires. */
    public boolean exists(long j) {
        return j >= 0 && (cycleAlloc.length > 0 || j < transientAlloc.length);
    }

    /** Triggers in requests {@code [0, r)}. */
    public long triggersBefore(long r) {
        if (r <= transientRequests) {
            return transientPrefix[(int) r];
        }
        long rel = r - transientRequests;
        long laps = rel / cycleRequests;
        return transientAlloc.length + laps * cycleAlloc.length + cyclePrefix[(int) (rel % cycleRequests)];
    }

    /** The request holding trigger {@code j} (which must exist). */
    public long requestOf(long j) {
        if (j < transientAlloc.length) {
            return transientRequestOf[(int) j];
        }
        long rel = j - transientAlloc.length;
        return transientRequests + rel / cycleAlloc.length * cycleRequests + cycleRequestOf[(int) (rel % cycleAlloc.length)];
    }

    /** The tracked allocations made so far in its request when trigger {@code j} fires (1-based). */
    public long allocationIndexOf(long j) {
        if (j < transientAlloc.length) {
            return transientAlloc[(int) j];
        }
        return cycleAlloc[(int) ((j - transientAlloc.length) % cycleAlloc.length)];
    }

    /** {@code sum of allocationIndexOf(j0 + i * stride) for i in [0, n)}, the stride fixed at construction. */
    public long strideSum(long j0, long n) {
        long sum = 0;
        long j = j0;
        long left = n;
        while (left > 0 && j < transientAlloc.length) {
            sum += transientAlloc[(int) j];
            j += strideSums.stride();
            left--;
        }
        if (left > 0) {
            sum += strideSums.sum((j - transientAlloc.length) % cycleAlloc.length, left);
        }
        return sum;
    }

    /** {@code gc.get_count()[0]} at the start of request {@code r}. */
    public long count0At(long r) {
        long triggers = triggersBefore(r);
        if (triggers == 0) {
            return startCount + r * (peak - freed);
        }
        // after the last trigger the count restarts from 0; later requests in the run add their net growth
        long last = triggers - 1;
        long count = Math.max(0, peak - allocationIndexOf(last) - freed);
        return count + (r - 1 - requestOf(last)) * (peak - freed);
    }

    /** The longest run of consecutive requests without a trigger in the cycle. */
    public long maxRequestsWithoutTrigger() {
        return maxRequestsWithoutTrigger;
    }

    /** Growable primitive list for construction only. */
    private static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long get(int i) {
            return values[i];
        }
    }
}
