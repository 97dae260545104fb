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

    SweepCursors(int sweeps, int classes) {
        reachedByClass = new long[sweeps][classes];
        reached = new long[sweeps];
        pooled = new boolean[sweeps * classes];
        pooledUnreached = new long[sweeps];
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
    }

    /** Back to a fresh fork's: nothing reached, nothing pooled. */
    void reset() {
        for (long[] cursor : reachedByClass) {
            Arrays.fill(cursor, 0);
        }
        Arrays.fill(reached, 0);
        Arrays.fill(pooled, false);
        Arrays.fill(pooledUnreached, 0);
    }
}
