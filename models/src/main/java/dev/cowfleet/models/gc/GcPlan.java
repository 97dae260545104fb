package dev.cowfleet.models.gc;

import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.GcThresholds;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.workload.RequestProfile;

/**
 * Everything about a worker's collector that is the same for every worker forked from one master
 * with one request profile: thresholds, the inherited counters, and the trigger timelines that
 * start from the inherited {@code count0} and from 0 (after an explicit {@code gc.collect()}).
 * Immutable and thread-safe; build once and fork many workers from it.
 */
public final class GcPlan {
    /** In 3.14's increment, the heap share is capped at 1.5 times the young objects ({@code new_objects*3/2}). */
    private static final double INCREMENT_YOUNG_CAP = 1.5;

    private final InterpreterProfile profile;
    private final GcPolicy policy;
    private final GcThresholds thresholds;
    private final InheritedGcState inherited;
    private final RequestProfile request;
    private final long inheritedCollectable;
    private final long inheritedYoung;
    private final double liveSurvivors;
    private final double oldObjectsPerIncrement;
    private final TriggerTimeline fromInherited;
    private final TriggerTimeline fromZero;
    private final FullTriggerMemo fullTriggerMemo = new FullTriggerMemo();

    /**
     * @param inheritedCollectable inherited tracked objects a full collection visits (not frozen)
     * @param inheritedTracked     all inherited tracked objects, frozen included (3.14's heap_size)
     * @param inheritedYoung       inherited objects in generations 0 and 1 at fork
     */
    public GcPlan(InterpreterProfile profile, GcPolicy policy, InheritedGcState inherited, RequestProfile request,
                  long inheritedCollectable, long inheritedTracked, long inheritedYoung) {
        this.profile = profile;
        this.policy = policy;
        this.thresholds = policy.effectiveThresholds(profile);
        this.inherited = inherited;
        this.request = request;
        this.inheritedCollectable = inheritedCollectable;
        this.inheritedYoung = inheritedYoung;
        this.liveSurvivors = request.liveSurvivors();
        double heapFraction = inheritedTracked * profile.incrementalOldFraction(thresholds);
        this.oldObjectsPerIncrement = profile.incremental()
                ? heapFraction + Math.min(heapFraction, INCREMENT_YOUNG_CAP * (thresholds.young() + 1.0)) : 0;
        boolean canTrigger = thresholds.young() > 0 && policy.mode() != GcMode.THRESHOLD0;
        this.fromInherited = canTrigger && policy.mode() == GcMode.ENABLED ? timeline(inherited.count0()) : null;
        this.fromZero = canTrigger && (policy.mode() == GcMode.ENABLED || policy.libraryEnablesGcAfterRequests() > 0)
                && policy.explicitCollectEveryRequests() > 0 ? timeline(0) : null;
    }

    /** The full-collection searches done so far by this plan's workers: a cache, the only state a plan holds. */
    FullTriggerMemo fullTriggerMemo() {
        return fullTriggerMemo;
    }

    /** A timeline from the given count0, with this plan's thresholds and request. */
    TriggerTimeline timeline(long startCount0) {
        return new TriggerTimeline(thresholds.young(), request.trackedAllocationsPeak(), request.trackedFreed(),
                startCount0, gen1Stride());
    }

    /** Triggers from one gen-1 collection to the next: gen 1 runs once {@code count1 > threshold1}. */
    long gen1Stride() {
        return thresholds.middle() + 2L;
    }

    public InterpreterProfile profile() {
        return profile;
    }

    public GcPolicy policy() {
        return policy;
    }

    public GcThresholds thresholds() {
        return thresholds;
    }

    public InheritedGcState inherited() {
        return inherited;
    }

    public RequestProfile request() {
        return request;
    }

    /** Tracked objects a request leaves alive. */
    double liveSurvivors() {
        return liveSurvivors;
    }

    /** The objects {@code completedRequests} requests left alive, as a collection counts them. */
    long liveAt(long completedRequests) {
        return (long) Math.floor(liveSurvivors * completedRequests);
    }

    /** Inherited tracked objects that are not frozen. */
    public long inheritedCollectable() {
        return inheritedCollectable;
    }

    long inheritedYoung() {
        return inheritedYoung;
    }

    /** 3.14.0-3.14.4: old-space objects each young collection scans; 0 for generational collectors. */
    public double oldObjectsPerIncrement() {
        return oldObjectsPerIncrement;
    }

    TriggerTimeline fromInherited() {
        return fromInherited;
    }

    TriggerTimeline fromZero() {
        return fromZero;
    }
}
