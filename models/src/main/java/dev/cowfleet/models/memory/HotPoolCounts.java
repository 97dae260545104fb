package dev.cowfleet.models.memory;

/**
 * One ledger's clean pages per {@link HotPools pool}, and over all pools, kept up to date as pages
 * are taken: once every hot page is copied (a worker's first requests) a batch's random writes cost
 * one comparison. Also holds the per-pool scratch of a batch's random writes.
 */
final class HotPoolCounts {
    /** −ln 2^-53: the uniforms' resolution, below which a saturating batch's miss chance must fall. */
    private static final double LOG_RESOLUTION = 53 * Math.log(2);
    final HotPools pools;
    final long[] clean;
    long total;
    final double[] weight;
    final long[] refcountDraws;
    final long[] mutationDraws;

    /** Counts for {@code pools}, from the clean pages of each class. */
    HotPoolCounts(HotPools pools, long[] classClean) {
        this(pools);
        count(classClean);
    }

    /** A copy in the same state, sharing the pools. */
    HotPoolCounts(HotPoolCounts o) {
        this(o.pools);
        copyFrom(o);
    }

    private HotPoolCounts(HotPools pools) {
        this.pools = pools;
        this.clean = new long[pools.size()];
        this.weight = new double[pools.size()];
        this.refcountDraws = new long[pools.size()];
        this.mutationDraws = new long[pools.size()];
    }

    /** Counts afresh from the clean pages of each class. */
    void count(long[] classClean) {
        total = 0;
        for (int p = 0; p < pools.size(); p++) {
            clean[p] = 0;
            for (int c : pools.members[p]) {
                clean[p] += classClean[c];
            }
            total += clean[p];
        }
    }

    /** Takes {@code o}'s counts (same pools). */
    void copyFrom(HotPoolCounts o) {
        System.arraycopy(o.clean, 0, clean, 0, clean.length);
        total = o.total;
    }

    /** {@code n} clean pages of class {@code c} were copied. */
    void taken(int c, long n) {
        int pool = pools.poolOf[c];
        if (pool >= 0) {
            clean[pool] -= n;
            total -= n;
        }
    }

    /**
     * Whether {@code requests} requests' draws leave some clean hot page unwritten with a chance
     * below 2^-53, the resolution of the uniforms every draw is made from (a request's thousands of
     * refcount draws saturate the hot pages within a few dozen requests). A page of pool p escapes
     * all d draws that can write it with chance exp(−d·missLog[p]); the draw counts are at least
     * their floors, and the union bound over the clean pages asks each page's chance to be at most
     * 2^-53 divided by their number.
     */
    boolean certainlyAllHit(long requests, RandomWrites w) {
        double refcount = Math.floor(requests * w.refcountDraws());
        double mutation = Math.floor(requests * w.mutationDraws());
        double needed = LOG_RESOLUTION + Math.log(total);
        for (int p = 0; p < pools.size(); p++) {
            if (clean[p] == 0) {
                continue;
            }
            double draws = (pools.refcountWrites[p] ? refcount : 0) + mutation;
            if (draws == 0 || draws * pools.missLog[p] < needed) {
                return false;
            }
        }
        return true;
    }
}
