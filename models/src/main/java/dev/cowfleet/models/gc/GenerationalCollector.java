package dev.cowfleet.models.gc;

/**
 * CPython's generational collector (all but 3.14.0-3.14.4).
 *
 * <p>A trigger collects the oldest generation
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
 * <p>Cyclic garbage is allocated evenly over its request and becomes unreachable at its end. What
 * a gen-1 collection catches in flight goes to generation 2 with the request's other live objects
 * and stays until the next full collection ({@link #promotedAllocations()}); the rest is freed by
 * the next collection of any generation (a slight simplification for the part caught by a young
 * collection, which CPython frees at the next gen-1 collection).
 */
final class GenerationalCollector extends Collector {
    private long promotedHighWater;

    GenerationalCollector(GcPlan plan) {
        super(plan);
        startInherited();
    }

    @Override
    void copyAlgorithmFrom(Collector o) {
        promotedHighWater = ((GenerationalCollector) o).promotedHighWater;
    }

    @Override
    long fullTrigger() {
        return epoch.fullTrigger();
    }

    @Override
    boolean hasMiddleGeneration() {
        return true;
    }

    @Override
    void notePromoted(long j) {
        promotedHighWater = Math.max(promotedHighWater, epoch.promotedInFlightBefore(j));
    }

    @Override
    void visitYoung(long from, long to, long n) {
        long gen1 = epoch.gen1Before(to) - epoch.gen1Before(from);
        visitedObjects += n * (threshold0 + 1.0) + (epoch.pendingBefore(to) - epoch.pendingBefore(from));
        middleVisited |= gen1 > 0;
    }

    @Override
    void collectFullAt(long j) {
        long survivors = plan.inheritedCollectable() + plan.liveAt(epoch.completedBefore(j)) + timeline.allocationIndexOf(j);
        visitedObjects += survivors + threshold0 + 1;
        freedPromotedAt(epoch.completedBefore(j));
        epoch.start(j + 1, 0, 0, 0, survivors, epoch.completedBefore(j), 0);
    }

    @Override
    void explicitlyCollected(long survivors) {
        // the epoch restarts from the survivors; nothing else is kept between collections
    }

    @Override
    void timelineStarted() {
        // the epoch follows the new timeline
    }

    @Override
    public double firstPassScanned() {
        return 0;
    }

    @Override
    public long promotedAllocations() {
        return automatic() ? epoch.promotedInFlightBefore(processed) : 0;
    }

    @Override
    public long promotedHighWater() {
        return Math.max(promotedHighWater, promotedAllocations());
    }

    /** {@code gc.get_count()[1]} now. */
    long count1() {
        return epoch.count1At(processed);
    }

    /** {@code gc.get_count()[2]} now. */
    long count2() {
        return epoch.count2At(processed);
    }

    /** {@code long_lived_pending} now. */
    long longLivedPending() {
        return epoch.pendingBefore(processed);
    }

    /** {@code long_lived_total} now. */
    long longLivedTotal() {
        return epoch.total();
    }
}
