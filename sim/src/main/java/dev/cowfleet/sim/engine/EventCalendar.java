package dev.cowfleet.sim.engine;

import java.util.Arrays;

/**
 * The pending events of one simulation run, fired in order of (time, insertion sequence): events
 * at equal times fire first-in first-out, so a run is reproducible event for event.
 *
 * <p>Implementation: a 4-ary min-heap kept in parallel primitive arrays (time, sequence, slot),
 * so scheduling and firing allocate nothing and compare without unboxing. Each pending event
 * owns a <em>slot</em> holding its type, payload and current heap position; the position index
 * lets {@link #cancel(long)} remove an event in O(log n) without searching. Slots are recycled,
 * so a handle also carries the slot's generation stamp and a handle to an event that already
 * fired or was cancelled is recognised as stale rather than hitting the slot's next tenant.
 * A 4-ary heap is half as deep as a binary one and its four children share a cache line or
 * two, which is what makes it beat {@link java.util.PriorityQueue} of event objects (see the
 * hold-model benchmark in {@code sim/src/jmh}).
 *
 * <p>Each instance is independent and single-threaded: no static or thread-bound state, so any
 * number of runs can proceed side by side in one JVM.
 */
public final class EventCalendar {
    private static final int ARITY = 4;
    private static final int INITIAL_CAPACITY = 64;
    private static final int FREE = -1;

    // The heap, in heap order: entry i is the event (heapTime[i], heapSeq[i]) living in heapSlot[i].
    private double[] heapTime = new double[INITIAL_CAPACITY];
    private long[] heapSeq = new long[INITIAL_CAPACITY];
    private int[] heapSlot = new int[INITIAL_CAPACITY];
    private int size;

    // Per slot: where its event sits in the heap (FREE when unused), what it is, and a stamp
    // that changes every time the slot is released so stale handles can be told apart.
    private int[] slotHeapIndex = new int[INITIAL_CAPACITY];
    private int[] slotType = new int[INITIAL_CAPACITY];
    private long[] slotPayload = new long[INITIAL_CAPACITY];
    private int[] slotStamp = new int[INITIAL_CAPACITY];
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotsInUse;

    private long nextSeq;
    private double now;

    /** A calendar whose clock starts at time 0. */
    public EventCalendar() {
        this(0.0);
    }

    /** A calendar whose clock starts at {@code startTime} seconds. */
    public EventCalendar(double startTime) {
        if (!Double.isFinite(startTime)) {
            throw new IllegalArgumentException(
                    "calendar start time " + startTime + " is not a finite number of seconds");
        }
        now = startTime;
    }

    /** Simulated time in seconds since the start of the run; never the wall clock. */
    public double now() {
        return now;
    }

    /** Number of pending events. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the next pending event, or {@code +Infinity} when none is pending. */
    public double peekTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : heapTime[0];
    }

    /**
     * Schedules an event at absolute time {@code time} (not before {@link #now()}).
     *
     * @return a handle for {@link #cancel(long)}; it goes stale once the event fires or is cancelled
     */
    public long schedule(double time, int type, long payload) {
        if (!(time >= now) || time == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("event time " + time
                    + " is invalid: expected a finite time in seconds >= now (" + now + ")");
        }
        int slot = acquireSlot();
        slotType[slot] = type;
        slotPayload[slot] = payload;
        if (size == heapTime.length) {
            growHeap();
        }
        siftUp(size++, time, nextSeq++, slot);
        return handle(slot);
    }

    /** Schedules an event {@code delay} seconds after {@link #now()}. */
    public long scheduleAfter(double delay, int type, long payload) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException(
                    "event delay " + delay + " is invalid: expected a non-negative number of seconds");
        }
        return schedule(now + delay, type, payload);
    }

    /**
     * Removes a pending event in O(log n).
     *
     * @return true if the event was pending; false if it had already fired or been cancelled
     * @throws IllegalArgumentException if the handle was never issued by this calendar
     */
    public boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsInUse) {
            throw new IllegalArgumentException(
                    "event handle " + handle + " was not issued by this calendar");
        }
        if (slotStamp[slot] != (int) (handle >>> 32) || slotHeapIndex[slot] == FREE) {
            return false;
        }
        removeAt(slotHeapIndex[slot]);
        releaseSlot(slot);
        return true;
    }

    /** Whether the event behind {@code handle} is still pending. */
    public boolean isPending(long handle) {
        int slot = (int) handle;
        return slot >= 0 && slot < slotsInUse
                && slotStamp[slot] == (int) (handle >>> 32)
                && slotHeapIndex[slot] != FREE;
    }

    /**
     * Fires the next event: advances the clock to its time, removes it, then hands it to
     * {@code handler}.
     *
     * @return false if no event was pending
     */
    public boolean step(EventHandler handler) {
        if (size == 0) {
            return false;
        }
        int slot = heapSlot[0];
        now = heapTime[0];
        removeAt(0);
        int type = slotType[slot];
        long payload = slotPayload[slot];
        releaseSlot(slot);
        handler.handle(type, payload);
        return true;
    }

    /**
     * Fires every event due at or before {@code endTime}, including those scheduled meanwhile,
     * then sets the clock to {@code endTime}.
     */
    public void runUntil(double endTime, EventHandler handler) {
        if (!(endTime >= now) || endTime == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("run end time " + endTime
                    + " is invalid: expected a finite time in seconds >= now (" + now + ")");
        }
        while (size > 0 && heapTime[0] <= endTime) {
            step(handler);
        }
        now = endTime;
    }

    /** Fires events until none is pending; the clock stays at the last event's time. */
    public void runUntilEmpty(EventHandler handler) {
        while (step(handler)) {
            // each step fires one event
        }
    }

    private long handle(int slot) {
        return ((long) slotStamp[slot] << 32) | slot;
    }

    private int acquireSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsInUse == slotType.length) {
            growSlots();
        }
        return slotsInUse++;
    }

    private void releaseSlot(int slot) {
        slotHeapIndex[slot] = FREE;
        slotStamp[slot]++;
        freeSlots[freeCount++] = slot;
    }

    /** Removes heap entry {@code index}, refilling the hole with the last entry. */
    private void removeAt(int index) {
        int last = --size;
        if (index == last) {
            return;
        }
        double t = heapTime[last];
        long s = heapSeq[last];
        int slot = heapSlot[last];
        if (index > 0 && before(t, s, heapTime[(index - 1) / ARITY], heapSeq[(index - 1) / ARITY])) {
            siftUp(index, t, s, slot);
        } else {
            siftDown(index, t, s, slot);
        }
    }

    /** Moves the hole at {@code index} up until (t, s) fits, then stores it there. */
    private void siftUp(int index, double t, long s, int slot) {
        while (index > 0) {
            int parent = (index - 1) / ARITY;
            if (!before(t, s, heapTime[parent], heapSeq[parent])) {
                break;
            }
            move(parent, index);
            index = parent;
        }
        place(index, t, s, slot);
    }

    /** Moves the hole at {@code index} down until (t, s) fits, then stores it there. */
    private void siftDown(int index, double t, long s, int slot) {
        while (true) {
            int first = index * ARITY + 1;
            if (first >= size) {
                break;
            }
            int end = Math.min(first + ARITY, size);
            int best = first;
            double bestTime = heapTime[first];
            long bestSeq = heapSeq[first];
            for (int child = first + 1; child < end; child++) {
                double childTime = heapTime[child];
                if (childTime < bestTime || (childTime == bestTime && heapSeq[child] < bestSeq)) {
                    best = child;
                    bestTime = childTime;
                    bestSeq = heapSeq[child];
                }
            }
            if (!before(bestTime, bestSeq, t, s)) {
                break;
            }
            move(best, index);
            index = best;
        }
        place(index, t, s, slot);
    }

    private static boolean before(double t1, long s1, double t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void move(int from, int to) {
        heapTime[to] = heapTime[from];
        heapSeq[to] = heapSeq[from];
        int slot = heapSlot[from];
        heapSlot[to] = slot;
        slotHeapIndex[slot] = to;
    }

    private void place(int index, double t, long s, int slot) {
        heapTime[index] = t;
        heapSeq[index] = s;
        heapSlot[index] = slot;
        slotHeapIndex[slot] = index;
    }

    private void growHeap() {
        int capacity = grownCapacity(heapTime.length);
        heapTime = Arrays.copyOf(heapTime, capacity);
        heapSeq = Arrays.copyOf(heapSeq, capacity);
        heapSlot = Arrays.copyOf(heapSlot, capacity);
    }

    private void growSlots() {
        int capacity = grownCapacity(slotType.length);
        slotHeapIndex = Arrays.copyOf(slotHeapIndex, capacity);
        slotType = Arrays.copyOf(slotType, capacity);
        slotPayload = Arrays.copyOf(slotPayload, capacity);
        slotStamp = Arrays.copyOf(slotStamp, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }

    private static int grownCapacity(int current) {
        if (current >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("event calendar is full: " + current + " pending events");
        }
        return (int) Math.min((long) current * 2, Integer.MAX_VALUE - 8);
    }
}
