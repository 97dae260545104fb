package dev.cowfleet.sim.host;

import dev.cowfleet.models.server.Worker;
import dev.cowfleet.sim.engine.RandomStreams;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One worker position of a host's process manager. Its successive processes (each a fresh fork of
 * the master) share the slot's random streams, so a slot's traffic is the same under every policy.
 */
final class WorkerSlot {
    enum State { RUNNING, STUCK, EXITING, EMPTY }

    static final long NO_EVENT = -1;

    final int index;
    /** Arrival counts per interval: one draw per interval whatever the policy (common random numbers). */
    final RandomGenerator arrivals;
    /** Which inherited pages requests write. */
    final RandomGenerator pages;
    /** max-requests jitter, hanging requests, shutdown. */
    final RandomGenerator lifecycle;
    final ArrivalWindow window;
    /** Keys the draws of readings between model points; see {@link #readingSeed}. */
    private final long readingKey;
    private final Reading[] readings = new Reading[Reading.Purpose.values().length];

    State state = State.EMPTY;
    Worker worker;
    double forkTime;
    long maxRequests;
    long stuckAtRequest;
    long milestoneEvent = NO_EVENT;
    long ageEvent = NO_EVENT;
    int nextAge;
    /** Processes this slot has forked so far. */
    long lifetimes;
    long pendingEvent = NO_EVENT;
    double exitStart;
    double exitDuration;
    double exitBytes;

    /** Slot {@code index} of host {@code host}, with its streams. */
    static WorkerSlot open(RandomStreams streams, int host, int index) {
        return new WorkerSlot(index, streams.stream(host, index, "arrivals"), streams.stream(host, index, "pages"),
                streams.stream(host, index, "lifecycle"), streams.stream(host, index, "timing"),
                streams.word(host, index, "readings"));
    }

    WorkerSlot(int index, RandomGenerator arrivals, RandomGenerator pages, RandomGenerator lifecycle,
               RandomGenerator timing, long readingKey) {
        this.index = index;
        this.readingKey = readingKey;
        this.arrivals = arrivals;
        this.pages = pages;
        this.lifecycle = lifecycle;
        this.window = new ArrivalWindow(timing);
    }

    /**
     * The seed of a reading of this slot's current lifetime at {@code now} for {@code purpose}: a
     * point of time, not a count of reads, and each purpose its own, so that adding readings of one
     * kind never changes those of another.
     */
    long readingSeed(Reading.Purpose purpose, double now) {
        long lifetime = RandomStreams.mix(lifetimes + 0x9e3779b97f4a7c15L);
        long kind = RandomStreams.mix(purpose.ordinal() + 0x6a09e667f3bcc908L);
        return RandomStreams.mix(readingKey ^ lifetime ^ kind ^ RandomStreams.mix(Double.doubleToLongBits(now)));
    }

    /** This slot's readings for {@code purpose}. */
    Reading reading(Reading.Purpose purpose) {
        Reading r = readings[purpose.ordinal()];
        if (r == null) {
            r = new Reading(purpose);
            readings[purpose.ordinal()] = r;
        }
        return r;
    }

    /**
     * Whether the process manager wants this worker replaced: its max-requests reached or a memory
     * limit crossed. Either way uWSGI waits until the worker is min-worker-lifetime old (its
     * end-of-request check tests the age for both), and the worker serves on until then.
     */
    boolean dueForRecycling(MemoryLimits limits) {
        return worker.requestsServed() >= maxRequests || limits.over(this);
    }

    boolean alive() {
        return state == State.RUNNING || state == State.STUCK;
    }

    /** Share of the shutdown copy already made at {@code now}: copying proceeds evenly through the exit. */
    double exitProgress(double now) {
        return exitDuration <= 0 ? 1.0 : Math.min(1.0, (now - exitStart) / exitDuration);
    }
}
