package dev.cowfleet.models.server;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.memory.PageLedger;

/**
 * The order of writes within one batch of requests, as far as the sweeps need it: the chance that a
 * sweep (the allocator filling holes, 3.14's incremental scan) reached a page before the source that
 * first wrote it in the batch. Holds the batch being served: its requests and the share of its holes
 * filled by request 1's peak. Mutable; one per worker, whose storage the next worker of its slot
 * (or the next copy of a reading) reuses.
 */
final class WriteOrder {
    private final WorkerPlan plan;
    private long batchRequests;
    /** When in the batch the allocator reaches its pages, set as the collector walks the batch. */
    final AllocatorTiming allocator = new AllocatorTiming();
    /**
     * {@link #allocatorFirst} per class for the current batch, valid where {@link #answeredIn} holds
     * the batch's number: a sweep asks it for refcount and for mutation, which get the same answer,
     * and its powers and logarithms dominate a worker's first batches.
     */
    private final double[] allocatorFirstByClass;
    private final long[] answeredIn;
    /** Numbers the batches; only ever grows, so answers left from earlier batches, or other workers, are stale. */
    private long batch = 1;
    final PageLedger.Precedence allocatorPrecedence = this::allocatorFirst;
    final PageLedger.Precedence scanPrecedence = this::scanFirst;
    /** The batch's first visits before its last request (scratch of one batch, never copied). */
    final MidBatchVisits visits;

    WriteOrder(WorkerPlan plan) {
        this.plan = plan;
        this.allocatorFirstByClass = new double[plan.pages().length];
        this.answeredIn = new long[plan.pages().length];
        this.visits = new MidBatchVisits(plan.pages().length);
    }

    /** A copy in the same state, for a copied worker. */
    WriteOrder copy() {
        WriteOrder o = new WriteOrder(plan);
        o.batchRequests = batchRequests;
        o.batch = batch; // no answers copied: answeredIn is all 0 and batch starts at 1
        return o;
    }

    /** Back to a fresh worker's state in this storage, for the next fork of the slot. */
    void restart() {
        batchRequests = 0;
        allocator.clear();
    }

    /** Puts this in {@code o}'s state, keeping this storage's own batch number (see {@link #batch}). */
    void copyFrom(WriteOrder o) {
        batchRequests = o.batchRequests;
    }

    /** Starts a batch of {@code requests}, whose {@link #allocator} timing is set. */
    void begin(long requests) {
        batchRequests = requests;
        batch++;
    }

    /**
     * The chance that a sweep reached a page before the source that first wrote it in this batch:
     * random writes hit first at a geometric request J; the allocator as its {@link AllocatorTiming}
     * has it, and the incremental scan at a uniform request S (within a request random writes come
     * first, then the allocator, then collections). Asked only for classes a sweep reaches
     * that another source wrote in this batch, so most batches compute none.
     */
    double allocatorFirst(CopySource other, int c) {
        if (other != CopySource.REFCOUNT && other != CopySource.MUTATION) {
            return 0; // collections write after the sweeps
        }
        if (answeredIn[c] != batch) {
            allocatorFirstByClass[c] = allocator.firstBefore(plan.randomWrites().untouched(c));
            answeredIn[c] = batch;
        }
        return allocatorFirstByClass[c];
    }

    /** As {@link #allocatorFirst} for 3.14's incremental scan, which runs after the allocator. */
    double scanFirst(CopySource other, int c) {
        long k = batchRequests;
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
