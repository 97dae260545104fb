package dev.cowfleet.models.gc;

import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Test reference: CPython's collector counters stepped one tracked allocation at a time, written
 * straight from gcmodule.c's logic (collect_generations, collect's count updates, the long-lived
 * rule), with the same survivor bookkeeping the fast model documents.
 */
public final class ReferenceCollector {
    final GcPlan plan;
    final long t0;
    final long t1;
    final long t2;
    final long peak;
    final long freed;
    final double live;
    final boolean incremental;
    final long explicitEvery;
    final long enableAt;

    long served;
    boolean automatic;
    boolean enabledFlag;
    long c0;
    long c1;
    long c2;
    long pending;
    long total;
    long reference;
    long extra;
    long young;
    long full;
    double visited;
    boolean youngVisited;
    boolean middleVisited;
    long garbage;
    long garbageHighWater;
    long promoted;
    long promotedHighWater;
    long passLength;
    long passDone;
    boolean firstPass = true;
    long firstPassLength;
    long firstPassDone;
    final List<Long> fullRequests = new ArrayList<>();

    public ReferenceCollector(GcPlan plan) {
        this.plan = plan;
        GcPolicy policy = plan.policy();
        t0 = plan.thresholds().young();
        t1 = plan.thresholds().middle();
        t2 = plan.thresholds().old();
        peak = plan.request().trackedAllocationsPeak();
        freed = plan.request().trackedFreed();
        live = plan.request().liveSurvivors();
        incremental = plan.profile().incremental();
        explicitEvery = policy.explicitCollectEveryRequests();
        enableAt = policy.mode() == GcMode.DISABLED ? policy.libraryEnablesGcAfterRequests() : 0;
        automatic = policy.mode() == GcMode.ENABLED && t0 > 0;
        enabledFlag = policy.mode() != GcMode.DISABLED;
        c0 = plan.inherited().count0();
        c1 = plan.inherited().count1();
        c2 = plan.inherited().count2();
        pending = plan.inherited().longLivedPending();
        total = plan.inherited().longLivedTotal();
        extra = plan.inheritedYoung();
        firstPassLength = passLength(plan.inheritedCollectable() - plan.inheritedYoung());
        passLength = firstPassLength;
    }

    public long served() {
        return served;
    }

    public boolean youngVisited() {
        return youngVisited;
    }

    public boolean middleVisited() {
        return middleVisited;
    }

    public boolean fullSinceFork() {
        return full > 0;
    }

    public long garbageHighWater() {
        return garbageHighWater;
    }

    public long promoted() {
        return promoted;
    }

    public long promotedHighWater() {
        return promotedHighWater;
    }

    public long garbageRequests() {
        return garbage;
    }

    private long passLength(double objects) {
        double per = plan.oldObjectsPerIncrement();
        return per <= 0 ? Long.MAX_VALUE : Math.max(1, (long) Math.ceil(objects / per));
    }

    private long liveAt(long completed) {
        return (long) Math.floor(live * completed);
    }

    public void serve(long k) {
        for (long i = 0; i < k; i++) {
            request();
        }
    }

    public void request() {
        long completed = served;
        served++;
        boolean triggered = false;
        for (long a = 1; a <= peak; a++) {
            c0++;
            if (automatic && c0 > t0) {
                collect(a, completed);
                triggered = true;
            }
        }
        c0 = Math.max(0, c0 - freed);
        garbage = triggered ? 1 : garbage + 1;
        garbageHighWater = Math.max(garbageHighWater, garbage);
        if (explicitEvery > 0 && served % explicitEvery == 0) {
            full++;
            fullRequests.add(served);
            youngVisited = true;
            middleVisited = true;
            long survivors = plan.inheritedCollectable() + liveAt(served);
            visited += survivors;
            c0 = 0;
            c1 = 0;
            c2 = 0;
            pending = 0;
            total = survivors;
            reference = served;
            extra = 0;
            garbage = 0;
            promoted = 0;
            firstPass = false;
            passLength = passLength(survivors);
            passDone = 0;
        }
        if (enableAt > 0 && served == enableAt) {
            enabledFlag = true;
            automatic = t0 > 0;
        }
    }

    private void collect(long allocationIndex, long completed) {
        young++;
        youngVisited = true;
        if (incremental) {
            visited += t0 + 1 + plan.oldObjectsPerIncrement();
            c0 = 0;
            passDone++;
            if (firstPass) {
                firstPassDone++;
            }
            if (passDone == passLength) {
                full++;
                fullRequests.add(served);
                firstPass = false;
                passDone = 0;
                passLength = passLength(plan.inheritedCollectable() + liveAt(completed));
            }
            return;
        }
        if (c2 > t2 && pending >= total / 4) {
            young--;
            full++;
            fullRequests.add(served);
            middleVisited = true;
            long survivors = plan.inheritedCollectable() + liveAt(completed) + allocationIndex;
            visited += survivors + t0 + 1;
            promoted = 0;
            c0 = 0;
            c1 = 0;
            c2 = 0;
            pending = 0;
            total = survivors;
            reference = completed;
            extra = 0;
        } else if (c1 > t1) {
            middleVisited = true;
            long survivors = liveAt(completed) - liveAt(reference) + allocationIndex + extra;
            visited += t0 + 1 + survivors;
            pending += survivors;
            promoted += allocationIndex;
            promotedHighWater = Math.max(promotedHighWater, promoted);
            reference = completed;
            extra = 0;
            c0 = 0;
            c1 = 0;
            c2++;
        } else {
            visited += t0 + 1;
            c0 = 0;
            c1++;
        }
    }

    public double firstPassScanned() {
        if (!incremental) {
            return 0;
        }
        return firstPass ? (firstPassLength == Long.MAX_VALUE ? 0 : Math.min(1.0, (double) firstPassDone / firstPassLength)) : 1;
    }
}
