package dev.cowfleet.models.memory;

import java.util.Arrays;

/**
 * Where each of a ledger's sweeps has got: pages reached per class and in total, and the pool of
 * classes it no longer tells apart (see {@link PageLedger#sweep}).
 */
final class SweepCursors {
    /** Per sweep, pages reached in each class (not kept up to date for pooled classes). */
    final long[][] reachedByClass;
    /** Per sweep, pages reached over all classes. */
    final long[] reached;
    /**
     * Per sweep, the classes it no longer tells apart ({@code [sweep * classes + class]}): every
     * page copied (pages never become clean again), so reaching one copies nothing. Their unreached
     * pages form one pool, which spares a draw per such class in every later batch; pooling is
     * exact, since a multivariate hypergeometric may be split in any grouping. The one thing a
     * pooled class still needs from a sweep is its claims on pages other sources first wrote in the
     * batch, and those are taken at their expectation: the pool's reached share of them, whatever
     * the class's own cursor.
     */
    final boolean[] pooled;
    /** Per sweep, the pool's unreached pages. */
    final long[] pooledUnreached;
    /**
     * Per sweep, its member classes not pooled, in class order (the first {@code activeCount}),
     * so that a batch visits the few classes still told apart rather than all; built from
     * {@link #pooled} for the member set in {@code activeFor}, and again whenever that is null.
     */
    /**
     * Per sweep, the share of each class's unreached pages it reached in the current batch (0 where
     * it reached none, and for pooled classes see {@link #batchPoolShare}); cleared as a batch that
     * will read them begins, and written by every sweep, which costs less than asking.
     */
    final double[][] batchShare;
    /** Per sweep, the share of its pool's unreached pages it reached in the current batch. */
    final double[] batchPoolShare;
    private final int[][] active;
    private final int[] activeCount;
    private final boolean[][] activeFor;

    SweepCursors(int sweeps, int classes) {
        reachedByClass = new long[sweeps][classes];
        reached = new long[sweeps];
        pooled = new boolean[sweeps * classes];
        pooledUnreached = new long[sweeps];
        batchShare = new double[sweeps][classes];
        batchPoolShare = new double[sweeps];
        active = new int[sweeps][classes];
        activeCount = new int[sweeps];
        activeFor = new boolean[sweeps][];
    }

    /** An independent copy in the same state. */
    SweepCursors(SweepCursors o) {
        reachedByClass = new long[o.reachedByClass.length][];
        for (int s = 0; s < reachedByClass.length; s++) {
            reachedByClass[s] = o.reachedByClass[s].clone();
        }
        reached = o.reached.clone();
        pooled = o.pooled.clone();
        pooledUnreached = o.pooledUnreached.clone();
        batchShare = new double[reached.length][reachedByClass[0].length];
        batchPoolShare = new double[reached.length];
        active = new int[reached.length][reachedByClass[0].length];
        activeCount = new int[reached.length];
        activeFor = new boolean[reached.length][];
    }

    /** Starts a batch: no sweep has reached anything in it yet. */
    void clearBatchShares() {
        for (double[] shares : batchShare) {
            Arrays.fill(shares, 0);
        }
        Arrays.fill(batchPoolShare, 0);
    }

    /** The share of class {@code c}'s unreached pages that sweep {@code sweep} reached in the current batch. */
    double batchShare(int sweep, int c) {
        return pooled[sweep * batchShare[sweep].length + c] ? batchPoolShare[sweep] : batchShare[sweep][c];
    }

    int sweeps() {
        return reached.length;
    }

    /** Takes {@code o}'s state without allocating (same shape). */
    void copyFrom(SweepCursors o) {
        for (int s = 0; s < reachedByClass.length; s++) {
            System.arraycopy(o.reachedByClass[s], 0, reachedByClass[s], 0, reachedByClass[s].length);
        }
        System.arraycopy(o.reached, 0, reached, 0, reached.length);
        System.arraycopy(o.pooled, 0, pooled, 0, pooled.length);
        System.arraycopy(o.pooledUnreached, 0, pooledUnreached, 0, pooledUnreached.length);
        Arrays.fill(activeFor, null);
    }

    /** Back to a fresh fork's: nothing reached, nothing pooled. */
    void reset() {
        for (long[] cursor : reachedByClass) {
            Arrays.fill(cursor, 0);
        }
        Arrays.fill(reached, 0);
        Arrays.fill(pooled, false);
        Arrays.fill(pooledUnreached, 0);
        Arrays.fill(activeFor, null);
    }

    /**
     * The classes of {@code members} that sweep {@code sweep} still tells apart, in class order:
     * the first {@link #activeCount(int)} entries, which the caller may compact with
     * {@link #keepActive}.
     */
    int[] active(int sweep, boolean[] members) {
        if (activeFor[sweep] != members) {
            int classes = reachedByClass[sweep].length;
            int n = 0;
            for (int c = 0; c < classes; c++) {
                if (members[c] && !pooled[sweep * classes + c]) {
                    active[sweep][n++] = c;
                }
            }
            activeCount[sweep] = n;
            activeFor[sweep] = members;
        }
        return active[sweep];
    }

    int activeCount(int sweep) {
        return activeCount[sweep];
    }

    /** Keeps the first {@code n} entries of {@link #active}, after the caller moved the pooled ones out. */
    void keepActive(int sweep, int n) {
        activeCount[sweep] = n;
    }
}
