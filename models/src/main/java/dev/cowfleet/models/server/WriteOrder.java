package dev.cowfleet.models.server;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.memory.PageLedger;

/**
 * The order of writes within one batch of requests, as far as the sweeps need it: the chance that a
 * sweep (the allocator filling holes, 3.14's incremental scan) reached a page before the source that
 * first wrote it in the batch. Holds the batch being served, its {@link #allocator} timing and its
 * {@link #visits}, both set afresh as each batch begins: nothing carries over from one batch to the
 * next, so one worker's storage serves the next worker of its slot (or the next copy of a reading)
 * as it is. Mutable; one per worker.
 */
final class WriteOrder {
    private final WorkerPlan plan;
    /** When in the batch the allocator reaches its pages, set as the collector walks the batch. */
    final AllocatorTiming allocator = new AllocatorTiming();
    /** The batch's first visits before its last request. */
    final MidBatchVisits visits;
    final PageLedger.Precedence allocatorPrecedence = this::allocatorFirst;
    final PageLedger.Precedence scanPrecedence = this::scanFirst;

    WriteOrder(WorkerPlan plan) {
        this.plan = plan;
        this.visits = new MidBatchVisits(plan.pages().length);
    }

    /**
     * The chance that a sweep reached a page before the source that first wrote it in this batch:
     * random writes hit first at a geometric request J; the allocator as its {@link AllocatorTiming}
     * has it, and the incremental scan at a uniform request S (within a request random writes come
     * first, then the allocator, then collections). Asked only for classes a sweep reaches
     * that another source wrote in this batch, so most batches compute none; the timing keeps its
     * answers per miss chance, which the classes of one hot pool share.
     */
    double allocatorFirst(CopySource other, int c) {
        if (other != CopySource.REFCOUNT && other != CopySource.MUTATION) {
            return 0; // collections write after the sweeps
        }
        return allocator.firstBefore(plan.randomWrites().untouched(c));
    }

    /** As {@link #allocatorFirst} for 3.14's incremental scan, which runs after the allocator. */
    double scanFirst(CopySource other, int c) {
        long k = allocator.requests();
        return switch (other) {
            // P(S < S_allocator): the allocator goes first within a request (0 if it reached nothing)
            case ALLOCATOR -> Math.max(0, allocator.meanRequest() - 1) / k;
            case REFCOUNT, MUTATION -> meanFirstHitOffset(plan.randomWrites().untouched(c), k) / k;
            default -> 0;
        };
    }

    /**
     * E[J - 1 | J <= k] for the request J in which random writes first hit a page (geometric with
     * per-request miss probability q): a sweep reaching that page at a uniform request S in 1..k got
     * there first (S < J; within a request random writes come first) with probability E[J - 1] / k.
     */
    private static double meanFirstHitOffset(double q, long k) {
        if (q <= 0 || k <= 1) {
            return 0;
        }
        if (k * (1 - q) < 1e-6) {
            return (k - 1) / 2.0;
        }
        double qk = Math.pow(q, k);
        double sum = q * (1 - k * Math.pow(q, k - 1) + (k - 1) * qk) / (1 - q);
        return Math.max(0, sum / (1 - qk));
    }

}
