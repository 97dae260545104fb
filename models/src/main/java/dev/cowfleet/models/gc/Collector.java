package dev.cowfleet.models.gc;

import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;

/**
 * One worker's collector: CPython's counters advanced request by request in closed form.
 *
 * <p>Generational collectors (all but 3.14.0-3.14.4): a trigger collects the oldest generation
 * {@code g} whose count exceeds its threshold, where generation 2 is skipped while
 * {@code longLivedPending < longLivedTotal / 4} (integer division, as in {@code gcmodule.c}).
 * Collecting {@code g} zeroes the counts of generations {@code <= g} and increments count
 * {@code g + 1}; so between full collections a gen-1 collection comes every
 * {@code threshold1 + 2} triggers and count2 counts them. Survivors of a gen-1 collection, added to
 * {@code longLivedPending}, are the reachable young objects: the live survivors of the requests
 * completed since the previous gen-1 (or full) collection plus the objects allocated so far in the
 * running request (plus, at the first gen-1 collection after fork, the master's young objects).
 * A full collection sets {@code longLivedTotal} to its survivors (the inherited collectable objects,
 * the live growth and the running request's objects) and {@code longLivedPending} to 0.
 *
 * <p>Incremental collector (3.14.0-3.14.4): every trigger is a young collection plus an increment
 * that scans {@link GcPlan#oldObjectsPerIncrement()} objects of the old space; a pass ends when
 * the old space has been scanned (counted as a full collection).
 *
 * <p>Explicit {@code gc.collect()} runs a full collection at the end of every N-th request, with
 * automatic collection on or off. A library's {@code gc.enable()} turns automatic collection on at
 * the end of its request under {@code gc.disable()}, but not under {@code set_threshold(0)}.
 *
 * <p>Cyclic garbage is allocated evenly over its request and becomes unreachable at its end. What
 * a gen-1 collection catches in flight goes to generation 2 with the request's other live objects
 * and stays until the next full collection ({@link #promotedAllocations()}); the rest is freed by
 * the next collection of any generation (a slight simplification for the part caught by a young
 * collection, which CPython frees at the next gen-1 collection).
 */
public final class Collector implements Cloneable {
    private static final long UNKNOWN = -1;
    private static final long NEVER = Long.MAX_VALUE;

    private final GcPlan plan;
    private final long threshold0;
    private final double liveSurvivors;
    private final boolean incremental;
    private final long explicitEvery;
    private final long enableAt;
    private final boolean libraryCanEnable;

    private long served;
    private boolean automatic;
    private boolean enabledFlag;
    private long manualCount0;
    private TriggerTimeline timeline;
    private long timelineStart;
    private long processed;
    private long timelineStartCount;

    private GenerationalEpoch epoch; // not final: copy() gives the copy its own
    private long incrementalFullTrigger = UNKNOWN;

    // incremental pass
    private long passBase;
    private long passIncrements;
    private boolean firstPass = true;
    private long firstPassLength;
    private long firstPassDone;

    private long youngCollections;
    private long fullCollections;
    private double visitedObjects;
    private boolean youngVisited;
    private boolean middleVisited;
    private boolean fullSinceFork;
    private long garbageRequests;
    private long garbageHighWater;
    private long promotedCarried;
    private long promotedHighWater;
    private long lastFullCompleted;

    public Collector(GcPlan plan) {
        this.plan = plan;
        GcPolicy policy = plan.policy();
        this.threshold0 = plan.thresholds().young();
        this.liveSurvivors = plan.request().liveSurvivors();
        this.incremental = plan.profile().incremental();
        this.explicitEvery = policy.explicitCollectEveryRequests();
        this.libraryCanEnable = policy.mode() == GcMode.DISABLED && policy.libraryEnablesGcAfterRequests() > 0;
        this.enableAt = libraryCanEnable ? policy.libraryEnablesGcAfterRequests() : NEVER;
        this.enabledFlag = policy.mode() != GcMode.DISABLED;
        this.manualCount0 = plan.inherited().count0();
        this.epoch = new GenerationalEpoch(plan.thresholds().middle(), plan.thresholds().old(), plan.gen1Stride(),
                liveSurvivors);
        epoch.start(0, plan.inherited().count1(), plan.inherited().count2(), plan.inherited().longLivedPending(),
                plan.inherited().longLivedTotal(), 0, plan.inheritedYoung());
        this.firstPassLength = passLength(plan.inheritedCollectable() - plan.inheritedYoung());
        this.passIncrements = firstPassLength;
        if (plan.fromInherited() != null) {
            startTimeline(plan.fromInherited(), plan.inherited().count0());
        }
    }

    /**
     * An independent copy in the same state, for reading a worker at an instant without advancing
     * the worker itself. Every other field is a value or immutable (plan, timelines).
     */
    public Collector copy() {
        try {
            Collector c = (Collector) clone();
            c.epoch = epoch.copy();
            return c;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- milestones

    /** Requests from now until the one holding the next full collection (>= 1), or {@link Long#MAX_VALUE}. */
    public long requestsUntilNextFullCollection() {
        long until = explicitEvery > 0 ? explicitEvery - served % explicitEvery : NEVER;
        if (automatic) {
            long j = fullTrigger();
            if (j != NEVER) {
                until = Math.min(until, requestNumberOf(j) - served);
            }
        }
        return until;
    }

    /** Requests from now until the library's {@code gc.enable()} (at the end of that request), or MAX. */
    public long requestsUntilGcReenabled() {
        return libraryCanEnable && !automatic && enableAt > served ? enableAt - served : NEVER;
    }

    /**
     * Requests from now until the next collection that writes inherited pages no collection has
     * written before: the first young collection (the master's generation-0 objects), the first
     * gen-1 collection (its generation-1 objects), or the first full collection. MAX when none is due.
     */
    public long requestsUntilPageEvent() {
        long until = NEVER;
        if (!fullSinceFork) {
            until = requestsUntilNextFullCollection();
        }
        if (automatic && (!youngVisited || !middleVisited)) {
            if (!youngVisited && timeline.exists(processed)) {
                until = Math.min(until, requestNumberOf(processed) - served);
            }
            long firstGen1 = epoch.firstGen1Trigger();
            if (!middleVisited && !incremental && firstGen1 >= processed && timeline.exists(firstGen1)) {
                until = Math.min(until, requestNumberOf(firstGen1) - served);
            }
        }
        return until;
    }

    // ---------------------------------------------------------------- advancing

    /** Applies {@code k} requests: every trigger, explicit collection and gc.enable() they contain. */
    public void advance(long k) {
        long left = k;
        while (left > 0) {
            long step = left;
            if (explicitEvery > 0) {
                step = Math.min(step, explicitEvery - served % explicitEvery);
            }
            if (!automatic && libraryCanEnable && enableAt > served) {
                step = Math.min(step, enableAt - served);
            }
            processRequests(step);
            served += step;
            left -= step;
            if (explicitEvery > 0 && served % explicitEvery == 0) {
                explicitCollection();
            }
            if (libraryCanEnable && !automatic && served == enableAt) {
                enableAutomatic();
            }
        }
    }

    private void processRequests(long count) {
        if (!automatic) {
            manualCount0 += count * (plan.request().trackedAllocationsPeak() - plan.request().trackedFreed());
            addGarbage(count, count);
            return;
        }
        long end = timeline.triggersBefore(served + count - timelineStart);
        if (end == processed) {
            addGarbage(count, count);
            return;
        }
        long firstRequest = requestNumberOf(processed);
        long lastRequest = requestNumberOf(end - 1);
        long full = fullTrigger();
        while (full < end) {
            collectYoung(processed, full);
            notePromoted(full);
            collectFull(full);
            full = fullTrigger();
        }
        collectYoung(processed, end);
        notePromoted(end);
        long before = garbageRequests + (firstRequest - 1 - served);
        long between = Math.min(timeline.maxRequestsWithoutTrigger() + 1, count);
        garbageRequests = served + count - lastRequest + 1;
        garbageHighWater = Math.max(garbageHighWater, Math.max(before, Math.max(between, garbageRequests)));
    }

    /** Updates the high-water mark of promoted garbage as it stands just before trigger {@code j}. */
    private void notePromoted(long j) {
        if (!incremental) {
            promotedHighWater = Math.max(promotedHighWater, promotedCarried + epoch.promotedInFlightBefore(j));
        }
    }

    private void addGarbage(long requests, long highWaterRequests) {
        garbageRequests += requests;
        garbageHighWater = Math.max(garbageHighWater, garbageRequests + highWaterRequests - requests);
    }

    /** Young collections for triggers {@code [from, to)} of the current epoch (no full collection among them). */
    private void collectYoung(long from, long to) {
        long n = to - from;
        if (n <= 0) {
            return;
        }
        youngCollections += n;
        youngVisited = true;
        if (incremental) {
            visitedObjects += n * (threshold0 + 1 + plan.oldObjectsPerIncrement());
            if (firstPass) {
                firstPassDone += n;
            }
        } else {
            long gen1 = epoch.gen1Before(to) - epoch.gen1Before(from);
            visitedObjects += n * (threshold0 + 1.0) + (epoch.pendingBefore(to) - epoch.pendingBefore(from));
            middleVisited |= gen1 > 0;
        }
        processed = to;
    }

    private void collectFull(long j) {
        fullCollections++;
        youngVisited = true;
        middleVisited = true;
        fullSinceFork = true;
        if (incremental) {
            youngCollections++;
            visitedObjects += threshold0 + 1 + plan.oldObjectsPerIncrement();
            firstPass = false;
            passBase = j + 1;
            passIncrements = passLength(plan.inheritedCollectable() + liveAt(completedBefore(j)));
            incrementalFullTrigger = UNKNOWN;
        } else {
            long survivors = plan.inheritedCollectable() + liveAt(completedBefore(j)) + timeline.allocationIndexOf(j);
            visitedObjects += survivors + threshold0 + 1;
            promotedCarried = 0;
            lastFullCompleted = completedBefore(j);
            epoch.start(j + 1, 0, 0, 0, survivors, completedBefore(j), 0);
        }
        processed = j + 1;
    }

    private void explicitCollection() {
        fullCollections++;
        youngVisited = true;
        middleVisited = true;
        fullSinceFork = true;
        long survivors = plan.inheritedCollectable() + liveAt(served);
        visitedObjects += survivors;
        garbageRequests = 0;
        promotedCarried = 0;
        lastFullCompleted = served;
        manualCount0 = 0;
        firstPass = false;
        passIncrements = passLength(survivors);
        epoch.start(0, 0, 0, 0, survivors, served, 0);
        if (automatic) {
            startTimeline(plan.fromZero(), 0);
        }
    }

    private void enableAutomatic() {
        enabledFlag = true;
        long extra = epoch.gen1Before(processed) > 0 ? 0 : epoch.extra();
        epoch.start(0, epoch.count1At(processed), epoch.count2At(processed), epoch.pendingBefore(processed),
                epoch.total(), epoch.referenceAt(processed), extra);
        startTimeline(plan.timeline(manualCount0), manualCount0);
    }

    private void startTimeline(TriggerTimeline t, long startCount) {
        automatic = true;
        timelineStartCount = startCount;
        timeline = t;
        timelineStart = served;
        processed = 0;
        passBase = 0;
        incrementalFullTrigger = UNKNOWN;
        epoch.follow(t, served);
    }

    private long passLength(double oldObjects) {
        double per = plan.oldObjectsPerIncrement();
        return per <= 0 ? NEVER : Math.max(1, (long) Math.ceil(oldObjects / per));
    }

    // ---------------------------------------------------------------- full collections

    /** The trigger of the next full collection (automatic), or NEVER. */
    private long fullTrigger() {
        if (!incremental) {
            return epoch.fullTrigger();
        }
        if (incrementalFullTrigger == UNKNOWN) {
            incrementalFullTrigger = incrementalFullTrigger();
        }
        return incrementalFullTrigger;
    }

    private long incrementalFullTrigger() {
        if (passIncrements == NEVER) {
            return NEVER;
        }
        long j = passBase + passIncrements - 1;
        return timeline.exists(j) ? j : NEVER;
    }











    /** Requests the worker had completed when trigger {@code j} fired. */
    private long completedBefore(long j) {
        return epoch.completedBefore(j);
    }

    /** The 1-based request number (since fork) holding trigger {@code j}. */
    private long requestNumberOf(long j) {
        return completedBefore(j) + 1;
    }

    private long liveAt(long completedRequests) {
        return (long) Math.floor(liveSurvivors * completedRequests);
    }

    // ---------------------------------------------------------------- state

    public long requestsServed() {
        return served;
    }

    /** Young collections so far (generation 0 and 1; in 3.14.0-3.14.4 every increment). */
    public long youngCollections() {
        return youngCollections;
    }

    /** Full collections so far: automatic, explicit, or completed 3.14 passes. */
    public long fullCollections() {
        return fullCollections;
    }

    /** Objects all collections so far have visited. */
    public double visitedObjects() {
        return visitedObjects;
    }

    /** Whether a collection has visited the master's generation-0 objects. */
    public boolean youngVisited() {
        return youngVisited;
    }

    /** Whether a collection has visited the master's generation-1 objects. */
    public boolean middleVisited() {
        return middleVisited;
    }

    /** Whether a full collection has run since fork (every collectable inherited header written). */
    public boolean fullSinceFork() {
        return fullSinceFork;
    }

    /** 3.14.0-3.14.4: share of the inherited old space the first pass has scanned so far. */
    public double firstPassScanned() {
        if (!incremental) {
            return 0;
        }
        if (!firstPass) {
            return 1;
        }
        return firstPassLength == NEVER ? 0 : Math.min(1.0, (double) firstPassDone / firstPassLength);
    }

    /** Requests whose cyclic garbage is not yet freed. */
    public long garbageRequests() {
        return garbageRequests;
    }

    /**
     * Allocations that gen-1 collections caught in flight and promoted to generation 2 since the last
     * full collection. The share of a request's cyclic garbage allocated before such a collection is
     * in generation 2 too, so only a full collection frees it.
     */
    public long promotedAllocations() {
        if (incremental || !automatic) {
            return promotedCarried;
        }
        return promotedCarried + epoch.promotedInFlightBefore(processed);
    }

    /** Requests completed since the last full collection that freed promoted garbage (or since fork). */
    public long requestsSinceFullCollection() {
        return served - lastFullCompleted;
    }

    /** The most {@link #promotedAllocations()} ever outstanding at once. */
    public long promotedHighWater() {
        return Math.max(promotedHighWater, promotedAllocations());
    }

    /** The most requests' garbage ever outstanding at once (for the allocator's high-water mark). */
    public long garbageHighWater() {
        return garbageHighWater;
    }

    /** The collector's enabled flag ({@code gc.isenabled()}), which decides 3.6-3.9's extra final collection. */
    public boolean enabledFlag() {
        return enabledFlag;
    }

    /** Whether automatic collection is running now. */
    public boolean automatic() {
        return automatic;
    }

    /** {@code gc.get_count()[0]} at the start of the next request. */
    public long count0() {
        if (!automatic) {
            return manualCount0;
        }
        long r = served - timelineStart;
        long net = plan.request().trackedAllocationsPeak() - plan.request().trackedFreed();
        long triggers = timeline.triggersBefore(r);
        if (triggers == 0) {
            return timelineStartCount + r * net;
        }
        // after the last trigger the count restarts from 0; later requests in the run add their net growth
        long last = triggers - 1;
        long afterLast = plan.request().trackedAllocationsPeak() - timeline.allocationIndexOf(last);
        long count = Math.max(0, afterLast - plan.request().trackedFreed());
        return count + (r - 1 - timeline.requestOf(last)) * net;
    }

    /** {@code gc.get_count()[1]} now. */
    public long count1() {
        return epoch.count1At(processed);
    }

    /** {@code gc.get_count()[2]} now. */
    public long count2() {
        return epoch.count2At(processed);
    }

    /** {@code long_lived_pending} now. */
    public long longLivedPending() {
        return epoch.pendingBefore(processed);
    }

    /** {@code long_lived_total} now. */
    public long longLivedTotal() {
        return epoch.total();
    }
}
