package dev.cowfleet.models.gc;

import dev.cowfleet.models.runtime.GcMode;

/**
 * One worker's collector: CPython's counters advanced request by request in closed form. The
 * algorithm is the interpreter's: {@link GenerationalCollector} or {@link IncrementalCollector}
 * ({@link #forPlan}); this class holds what both share: explicit collections, a library's
 * {@code gc.enable()} ({@link ApplicationCalls}), the trigger timeline and the counts.
 */
public abstract class Collector {
    static final long NEVER = Long.MAX_VALUE;

    final GcPlan plan;
    final long threshold0;
    private final ApplicationCalls calls;

    private long served;
    private boolean automatic;
    private boolean enabledFlag;
    private long manualCount0;
    TriggerTimeline timeline;
    private long timelineStart;
    long processed;

    final GenerationalEpoch epoch;

    private long youngCollections;
    private long fullCollections;
    double visitedObjects;
    private boolean youngVisited;
    boolean middleVisited;
    private boolean fullSinceFork;
    private long garbageRequests;
    private long garbageHighWater;
    private long lastFullCompleted;

    /** The collector of {@code plan}'s interpreter: incremental in 3.14.0-3.14.4, generational otherwise. */
    public static Collector forPlan(GcPlan plan) {
        return plan.profile().incremental() ? new IncrementalCollector(plan) : new GenerationalCollector(plan);
    }

    Collector(GcPlan plan) {
        this.plan = plan;
        this.threshold0 = plan.thresholds().young();
        this.calls = ApplicationCalls.of(plan.policy());
        this.enabledFlag = plan.policy().mode() != GcMode.DISABLED;
        this.manualCount0 = plan.inherited().count0();
        this.epoch = new GenerationalEpoch(plan.thresholds().middle(), plan.thresholds().old(), plan.gen1Stride(),
                plan.liveSurvivors(), plan.fullTriggerMemo());
        epoch.start(0, plan.inherited().count1(), plan.inherited().count2(), plan.inherited().longLivedPending(),
                plan.inherited().longLivedTotal(), 0, plan.inheritedYoung());
    }

    /** Starts the inherited timeline; called by the subclasses once their own state is set. */
    final void startInherited() {
        if (plan.fromInherited() != null) {
            startTimeline(plan.fromInherited());
        }
    }

    /** An independent copy, to read a worker at an instant without advancing it. */
    public Collector copy() {
        Collector c = forPlan(plan);
        c.copyFrom(this);
        return c;
    }

    /**
     * Puts this collector in {@code o}'s state, keeping this storage: an exited worker's for the next
     * fork of its slot (from a fresh collector), a reading's spare copy for the next copy.
     */
    public void copyFrom(Collector o) {
        if (o.plan != plan || o.getClass() != getClass()) {
            throw new IllegalArgumentException("collectors of different plans");
        }
        served = o.served;
        automatic = o.automatic;
        enabledFlag = o.enabledFlag;
        manualCount0 = o.manualCount0;
        timeline = o.timeline;
        timelineStart = o.timelineStart;
        processed = o.processed;
        epoch.copyFrom(o.epoch);
        youngCollections = o.youngCollections;
        fullCollections = o.fullCollections;
        visitedObjects = o.visitedObjects;
        youngVisited = o.youngVisited;
        middleVisited = o.middleVisited;
        fullSinceFork = o.fullSinceFork;
        garbageRequests = o.garbageRequests;
        garbageHighWater = o.garbageHighWater;
        lastFullCompleted = o.lastFullCompleted;
        copyAlgorithmFrom(o);
    }

    /** {@link #copyFrom} for the algorithm's own fields; {@code o} is of this class. */
    abstract void copyAlgorithmFrom(Collector o);

    /** Requests from now until the one holding the next full collection (>= 1), or {@link Long#MAX_VALUE}. */
    public long requestsUntilNextFullCollection() {
        long until = calls.untilExplicit(served);
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
        return calls.untilEnable(served, automatic);
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
            if (!middleVisited && hasMiddleGeneration() && firstGen1 >= processed && timeline.exists(firstGen1)) {
                until = Math.min(until, requestNumberOf(firstGen1) - served);
            }
        }
        return until;
    }

    /** Applies {@code k} requests: every trigger, explicit collection and gc.enable() they contain. */
    public void advance(long k) {
        long left = k;
        while (left > 0) {
            long step = Math.min(left, Math.min(calls.untilExplicit(served), calls.untilEnable(served, automatic)));
            processRequests(step);
            served += step;
            left -= step;
            if (calls.explicitAfter(served)) {
                explicitCollection();
            }
            if (calls.enableAfter(served, automatic)) {
                enableAutomatic();
            }
        }
    }

    private void processRequests(long count) {
        if (!automatic) {
            manualCount0 += count * (plan.request().trackedAllocationsPeak() - plan.request().trackedFreed());
        }
        long end = automatic ? timeline.triggersBefore(served + count - timelineStart) : processed;
        if (end == processed) { // no trigger among these requests: their garbage stays
            garbageRequests += count;
            garbageHighWater = Math.max(garbageHighWater, garbageRequests);
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
    abstract void notePromoted(long j);

    /** Whether generation 1 exists apart from the old space (its first collection writes the master's gen-1 objects). */
    abstract boolean hasMiddleGeneration();

    /** Young collections for triggers {@code [from, to)} of the current epoch (no full collection among them). */
    private void collectYoung(long from, long to) {
        long n = to - from;
        if (n <= 0) {
            return;
        }
        youngCollections += n;
        youngVisited = true;
        visitYoung(from, to, n);
        processed = to;
    }

    /** Adds what the {@code n} young collections of triggers {@code [from, to)} visit. */
    abstract void visitYoung(long from, long to, long n);

    private void collectFull(long j) {
        fullCollections++;
        youngVisited = true;
        middleVisited = true;
        fullSinceFork = true;
        collectFullAt(j);
        processed = j + 1;
    }

    /** The algorithm's part of the full collection at trigger {@code j}. */
    abstract void collectFullAt(long j);

    /** A full collection freed the promoted garbage of the requests completed so far. */
    final void freedPromotedAt(long completed) {
        lastFullCompleted = completed;
    }

    /** Counts one more young collection (an incremental full collection is one). */
    final void countYoungCollection() {
        youngCollections++;
    }

    private void explicitCollection() {
        fullCollections++;
        youngVisited = true;
        middleVisited = true;
        fullSinceFork = true;
        long survivors = plan.inheritedCollectable() + plan.liveAt(served);
        visitedObjects += survivors;
        garbageRequests = 0;
        lastFullCompleted = served;
        manualCount0 = 0;
        explicitlyCollected(survivors);
        epoch.start(0, 0, 0, 0, survivors, served, 0);
        if (automatic) {
            startTimeline(plan.fromZero());
        }
    }

    private void enableAutomatic() {
        enabledFlag = true;
        long extra = epoch.gen1Before(processed) > 0 ? 0 : epoch.extra();
        epoch.start(0, epoch.count1At(processed), epoch.count2At(processed), epoch.pendingBefore(processed),
                epoch.total(), epoch.referenceAt(processed), extra);
        startTimeline(plan.timeline(manualCount0));
    }

    private void startTimeline(TriggerTimeline t) {
        automatic = true;
        timeline = t;
        timelineStart = served;
        processed = 0;
        timelineStarted();
        epoch.follow(t, served);
    }

    /** An explicit {@code gc.collect()} found {@code survivors} objects. */
    abstract void explicitlyCollected(long survivors);

    /** Automatic collection follows a new trigger timeline from trigger 0. */
    abstract void timelineStarted();

    /** The trigger of the next full collection (automatic), or NEVER. */
    abstract long fullTrigger();

    /** The 1-based request number (since fork) holding trigger {@code j}. */
    private long requestNumberOf(long j) {
        return epoch.completedBefore(j) + 1;
    }

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

    /** 3.14.0-3.14.4: share of the inherited old space the first pass has scanned so far; 0 for the others. */
    public abstract double firstPassScanned();

    /** Requests whose cyclic garbage is not yet freed. */
    public long garbageRequests() {
        return garbageRequests;
    }

    /**
     * Allocations that gen-1 collections caught in flight and promoted to generation 2 since the last
     * full collection. The share of a request's cyclic garbage allocated before such a collection is
     * in generation 2 too, so only a full collection frees it.
     */
    public abstract long promotedAllocations();

    /** Requests completed since the last full collection that freed promoted garbage (or since fork). */
    public long requestsSinceFullCollection() {
        return served - lastFullCompleted;
    }

    /** The most {@link #promotedAllocations()} ever outstanding at once. */
    public abstract long promotedHighWater();

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
        return automatic ? timeline.count0At(served - timelineStart) : manualCount0;
    }
}
