package dev.cowfleet.models.gc;

/**
 * The incremental collector of 3.14.0-3.14.4: every trigger is a young collection plus an increment that
 * scans {@link GcPlan#oldObjectsPerIncrement()} objects of the old space; a pass ends when the old space
 * has been scanned, and counts as a full collection.
 */
final class IncrementalCollector extends Collector {
    private static final long UNKNOWN = -1;

    private long fullTrigger = UNKNOWN;
    private long passBase;
    private long passIncrements;
    private boolean firstPass = true;
    private final long firstPassLength;
    private long firstPassDone;

    IncrementalCollector(GcPlan plan) {
        super(plan);
        this.firstPassLength = passLength(plan.inheritedCollectable() - plan.inheritedYoung());
        this.passIncrements = firstPassLength;
        startInherited();
    }

    @Override
    void copyAlgorithmFrom(Collector o) {
        IncrementalCollector i = (IncrementalCollector) o;
        fullTrigger = i.fullTrigger;
        passBase = i.passBase;
        passIncrements = i.passIncrements;
        firstPass = i.firstPass;
        firstPassDone = i.firstPassDone; // firstPassLength is the plan's
    }

    @Override
    long fullTrigger() {
        if (fullTrigger == UNKNOWN) {
            fullTrigger = passIncrements == NEVER || !timeline.exists(passBase + passIncrements - 1)
                    ? NEVER : passBase + passIncrements - 1;
        }
        return fullTrigger;
    }

    @Override
    boolean hasMiddleGeneration() {
        return false;
    }

    @Override
    void notePromoted(long j) {
        // no generation 2 to promote into
    }

    @Override
    void visitYoung(long from, long to, long n) {
        visitedObjects += n * (threshold0 + 1 + plan.oldObjectsPerIncrement());
        if (firstPass) {
            firstPassDone += n;
        }
    }

    @Override
    void collectFullAt(long j) {
        countYoungCollection();
        visitedObjects += threshold0 + 1 + plan.oldObjectsPerIncrement();
        firstPass = false;
        passBase = j + 1;
        passIncrements = passLength(plan.inheritedCollectable() + plan.liveAt(epoch.completedBefore(j)));
        fullTrigger = UNKNOWN;
    }

    @Override
    void explicitlyCollected(long survivors) {
        firstPass = false;
        passIncrements = passLength(survivors);
    }

    @Override
    void timelineStarted() {
        passBase = 0;
        fullTrigger = UNKNOWN;
    }

    @Override
    public double firstPassScanned() {
        if (!firstPass) {
            return 1;
        }
        return firstPassLength == NEVER ? 0 : Math.min(1.0, (double) firstPassDone / firstPassLength);
    }

    /** No generation 2: nothing is promoted. */
    @Override
    public long promotedAllocations() {
        return 0;
    }

    @Override
    public long promotedHighWater() {
        return 0;
    }

    private long passLength(double oldObjects) {
        double per = plan.oldObjectsPerIncrement();
        return per <= 0 ? NEVER : Math.max(1, (long) Math.ceil(oldObjects / per));
    }
}
