package dev.cowfleet.models.memory;

import org.apache.commons.math3.random.RandomGenerator;

import java.util.Arrays;

/**
 * One worker's view of the inherited pages, per page class: how many are still clean (shared),
 * how far sequential sweeps have got, and how many pages each source copied. A page is copied at
 * most once and attributed to the first source that wrote it.
 *
 * <p>Within a class pages are exchangeable, so every operation is a draw on counts:
 * <ul>
 *   <li>random writes over k requests ({@link #writeRandomly}): the k requests' draws are split over
 *       the clean pages of the {@link HotPools} (classes a draw cannot tell apart; a multinomial:
 *       conditional binomials, or draw by draw when there are few); the clean pages a pool's draws
 *       hit is an occupancy count, shared over its classes as a multivariate hypergeometric; the
 *       first draws on the hit pages are a random subset of the pool's draws, so mutation's share
 *       is hypergeometric;</li>
 *   <li>sequential sweeps ({@link #sweep}: the allocator filling holes, 3.14's incremental scan)
 *       reach pages in a random order fixed at fork, unrelated to the random writes: newly reached
 *       pages split over classes as a multivariate hypergeometric, and over clean pages and pages
 *       other sources first wrote in this batch as hypergeometrics; the sweep takes the clean ones,
 *       and claims each of the others with the probability that it got there first;</li>
 *   <li>whole-class writes ({@link #writeAll}: a full collection, teardown): every clean page.</li>
 * </ul>
 *
 * <p>Totals are drawn, attributions are expected. Which pages a batch copies in a class (the union
 * of all sources) is drawn exactly, so memory keeps its exact distribution; how that total splits
 * across sources (mutation's hypergeometric share of the random hits, a sweep's claims on pages
 * another source wrote earlier in the batch) is taken at its conditional expectation given the
 * drawn counts. Per-source copies are therefore fractional: unbiased, and less noisy than a drawn
 * split (Rao-Blackwellization).
 */
public final class PageLedger {
    private static final CopySource[] SOURCES = CopySource.values();

    private final long[] pages;
    private final long[] clean;
    private final SweepCursors sweeps;
    /** Clean pages per pool of the random writes last served (a worker's are fixed by its plan); null before any. */
    private HotPoolCounts hot;
    /** Pages copied per source: expected attributions given each batch's exact totals, so fractional. */
    private final double[] copied = new double[SOURCES.length];
    // running totals: memory is read at every sample and exit, far more often than per class
    private long cleanTotal;
    private long copiedTotal;
    /** Pages each source first wrote in the current batch (expected). */
    private final BatchFirstHits firstHits;

    /** @param pages pages per class; {@code sweeps} independent sweep cursors */
    public PageLedger(long[] pages, int sweeps) {
        this.pages = pages.clone();
        this.clean = pages.clone();
        for (long n : pages) {
            cleanTotal += n;
        }
        this.sweeps = new SweepCursors(sweeps, pages.length);
        this.firstHits = new BatchFirstHits(pages.length);
    }

    /** An independent copy in the same state. */
    public PageLedger copy() {
        return new PageLedger(this);
    }

    private PageLedger(PageLedger o) {
        this.pages = o.pages; // never written
        this.clean = o.clean.clone();
        this.sweeps = new SweepCursors(o.sweeps);
        System.arraycopy(o.copied, 0, copied, 0, copied.length);
        this.hot = o.hot == null ? null : new HotPoolCounts(o.hot);
        this.cleanTotal = o.cleanTotal;
        this.copiedTotal = o.copiedTotal;
        this.firstHits = new BatchFirstHits(o.firstHits);
    }

    /**
     * Puts this ledger in {@code o}'s state without allocating: a worker's storage is reused for the
     * next fork of its slot, and a reading's copy for the next reading, instead of allocating afresh.
     * {@code o} must have the same classes and sweeps.
     */
    public void copyFrom(PageLedger o) {
        if (o.pages.length != pages.length || o.sweeps.sweeps() != sweeps.sweeps()) {
            throw new IllegalArgumentException("ledgers of different shapes");
        }
        System.arraycopy(o.clean, 0, clean, 0, clean.length);
        sweeps.copyFrom(o.sweeps);
        System.arraycopy(o.copied, 0, copied, 0, copied.length);
        cleanTotal = o.cleanTotal;
        copiedTotal = o.copiedTotal;
        firstHits.copyFrom(o.firstHits);
        if (o.hot == null || hot == null || hot.pools != o.hot.pools) {
            hot = o.hot == null ? null : new HotPoolCounts(o.hot);
        } else {
            hot.copyFrom(o.hot);
        }
    }

    /** Back to the state of a fresh fork (every page clean, nothing swept or copied) without allocating. */
    public void reset() {
        System.arraycopy(pages, 0, clean, 0, pages.length);
        cleanTotal = 0;
        for (long n : pages) {
            cleanTotal += n;
        }
        sweeps.reset();
        Arrays.fill(copied, 0);
        copiedTotal = 0;
        firstHits.clearAll();
        if (hot != null) {
            hot.count(clean);
        }
    }

    /**
     * Starts a batch of requests: pages copied from now on remember which source got them, so that
     * a source processed later in the batch can claim those it actually reached first. When
     * {@code settling}, the sweeps also keep the shares they reach ({@link #reachedShare}) afresh.
     */
    public void beginBatch(boolean settling) {
        firstHits.clear();
        if (settling) {
            sweeps.clearBatchShares();
        }
    }

    public long clean(int c) {
        return clean[c];
    }

    public long totalClean() {
        return cleanTotal;
    }

    /** Pages of class {@code c} that source {@code s} was first to write in the current batch (expected). */
    public double firstHitsInBatch(CopySource s, int c) {
        return firstHits.get(s, c);
    }

    /** Pages copied by {@code s}: its expected share of every batch's exact total (see the class comment). */
    public double copied(CopySource s) {
        return copied[s.ordinal()];
    }

    public long copiedTotal() {
        return copiedTotal;
    }

    /**
     * The share of class {@code c}'s pages unreached by sweep {@code sweep} when the current batch
     * began that the sweep reached in it: the chance that it reached a given page that was clean.
     */
    public double reachedShare(int sweep, int c) {
        return sweeps.batchShare(sweep, c);
    }

    /**
     * Sets the current batch's attribution of class {@code c}'s pages to {@code bySource} (indexed
     * by source ordinal), in place of what its writes recorded: for a class whose every page the
     * batch copied, when the expected shares are known better than its writes could record them.
     * The pages copied do not change, only who is said to have copied them, so {@code bySource} must
     * sum to the batch's copies of the class.
     */
    public void settle(int c, double[] bySource) {
        for (CopySource s : SOURCES) {
            record(s, c, bySource[s.ordinal()] - firstHits.get(s, c));
        }
    }

    /** Pages sweep {@code sweep} has reached so far, over all classes. */
    public long reached(int sweep) {
        return sweeps.reached[sweep];
    }

    /** Writes every clean page of class {@code c}; returns the pages copied. */
    public long writeAll(int c, CopySource source) {
        return write(c, clean[c], source);
    }

    /** Writes {@code n} of the clean pages of class {@code c} (at most all of them); returns the pages copied. */
    public long write(int c, long n, CopySource source) {
        if (n < 0) {
            throw new IllegalArgumentException("pages to write must be >= 0, got " + n);
        }
        long w = Math.min(n, clean[c]);
        take(c, w);
        record(source, c, w);
        return w;
    }

    /** {@code requests} requests of random writes; returns the pages copied. */
    public long writeRandomly(long requests, RandomWrites w, RandomGenerator rng) {
        if (requests <= 0 || w.hotObjects() <= 0) {
            return 0;
        }
        if (hot == null || hot.pools != w.pools) {
            hot = new HotPoolCounts(w.pools, clean);
        }
        if (hot.total == 0) {
            return 0; // every hot page is copied (every batch after a worker's first requests)
        }
        if (hot.certainlyAllHit(requests, w)) {
            return takeEveryHotPage(w);
        }
        HotPools pools = hot.pools;
        long refcountDraws = randomRound(requests * w.refcountDraws(), rng);
        long mutationDraws = randomRound(requests * w.mutationDraws(), rng);
        for (int p = 0; p < pools.size(); p++) {
            // a draw picks a hot object; it writes a clean page of pool p with this probability
            hot.weight[p] = hot.clean[p] == 0 ? 0 : hot.clean[p] * pools.hotPerPage[p] / w.hotObjects();
        }
        MultinomialSplit.split(refcountDraws, hot.weight, pools.refcountWrites, hot.refcountDraws, rng);
        MultinomialSplit.split(mutationDraws, hot.weight, null, hot.mutationDraws, rng);
        long copiedNow = 0;
        for (int p = 0; p < pools.size(); p++) {
            long byMutation = hot.mutationDraws[p];
            long draws = hot.refcountDraws[p] + byMutation;
            if (draws == 0) {
                continue;
            }
            // the draws fall uniformly on the pool's clean pages: the pages hit are an occupancy
            // count, and which pages they are is a uniform subset, so each class's share of them is
            // multivariate hypergeometric
            long hit = Draws.occupancy(hot.clean[p], draws, rng);
            long unshared = hot.clean[p];
            for (int c : pools.members[p]) {
                if (hit == 0) {
                    break;
                }
                long here = Draws.hypergeometric(unshared, clean[c], hit, rng);
                unshared -= clean[c];
                hit -= here;
                // in random order, the first draws on the hit pages are a random subset of all draws:
                // mutation's share is hypergeometric, and is attributed by its mean
                double mutationHits = (double) here * byMutation / draws;
                take(c, here);
                record(CopySource.REFCOUNT, c, here - mutationHits);
                record(CopySource.MUTATION, c, mutationHits);
                copiedNow += here;
            }
        }
        return copiedNow;
    }

    /**
     * Copies every clean hot page, as a batch certain to hit them all does ({@link HotPoolCounts#certainlyAllHit}).
     * Each page's first writer is a mutation with {@link RandomWrites#mutationShare}: the
     * attribution, taken at its expectation as always.
     */
    private long takeEveryHotPage(RandomWrites w) {
        HotPools pools = hot.pools;
        long copiedNow = 0;
        for (int p = 0; p < pools.size(); p++) {
            if (hot.clean[p] == 0) {
                continue;
            }
            for (int c : pools.members[p]) {
                long here = clean[c];
                if (here == 0) {
                    continue;
                }
                double mutationHits = here * w.mutationShare(c);
                take(c, here);
                record(CopySource.REFCOUNT, c, here - mutationHits);
                record(CopySource.MUTATION, c, mutationHits);
                copiedNow += here;
            }
        }
        return copiedNow;
    }

    /**
     * Sweep {@code sweep} advances to {@code target} pages in total over the classes marked in
     * {@code members}, as the last source of the batch. Newly reached clean pages are copied by
     * {@code source}. A newly reached page that another source first wrote earlier in this batch
     * goes to {@code source} with probability {@code precedence.chance(other, c)}: the chance that
     * this sweep reached it before the other source wrote it. Returns the pages newly copied.
     */
    public long sweep(int sweep, boolean[] members, long target, CopySource source, Precedence precedence,
                      RandomGenerator rng) {
        long reach = target - sweeps.reached[sweep];
        if (reach <= 0) {
            return 0;
        }
        long[] cursor = sweeps.reachedByClass[sweep];
        boolean[] pooled = sweeps.pooled;
        long[] pooledUnreached = sweeps.pooledUnreached;
        int pool = sweep * pages.length;
        long unreached = 0;
        int[] active = sweeps.active(sweep, members);
        int kept = 0;
        for (int i = 0, n = sweeps.activeCount(sweep); i < n; i++) {
            int c = active[i];
            if (clean[c] == 0) {
                pooled[pool + c] = true;
                pooledUnreached[sweep] += pages[c] - cursor[c];
            } else {
                active[kept++] = c;
                unreached += pages[c] - cursor[c];
            }
        }
        sweeps.keepActive(sweep, kept);
        reach = Math.min(reach, unreached + pooledUnreached[sweep]);
        sweeps.reached[sweep] += reach;
        long poolUnreached = pooledUnreached[sweep];
        long intoPool = Draws.hypergeometric(unreached + poolUnreached, poolUnreached, reach, rng);
        pooledUnreached[sweep] -= intoPool;
        sweeps.batchPoolShare[sweep] = poolUnreached == 0 ? 0 : (double) intoPool / poolUnreached;
        reach -= intoPool;
        if (intoPool > 0) {
            claimInPool(members, pool, (double) intoPool / poolUnreached, source, precedence);
        }
        long copiedNow = 0;
        for (int i = 0; i < kept && reach > 0; i++) {
            int c = active[i];
            long classUnreached = pages[c] - cursor[c];
            long here = Draws.hypergeometric(unreached, classUnreached, reach, rng);
            unreached -= classUnreached;
            reach -= here;
            cursor[c] += here;
            sweeps.batchShare[sweep][c] = (double) here / classUnreached;
            long reachedClean = Draws.hypergeometric(classUnreached, clean[c], here, rng);
            take(c, reachedClean);
            record(source, c, reachedClean);
            copiedNow += reachedClean;
            long others = classUnreached - clean[c] - reachedClean;
            long left = here - reachedClean;
            if (left > 0) {
                for (CopySource other : SOURCES) {
                    claim(other, c, source, (double) left / others, precedence);
                }
            }
        }
        return copiedNow;
    }

    /** Claims in the pooled classes of a sweep that reached {@code reachedShare} of the pool's unreached pages. */
    private void claimInPool(boolean[] members, int pool, double reachedShare, CopySource source, Precedence precedence) {
        // the entries the batch has written so far; a claim may add the sweep's own, which it skips anyway
        for (int i = 0, n = firstHits.writtenCount(); i < n; i++) {
            int c = firstHits.writtenClass(i);
            if (members[c] && sweeps.pooled[pool + c]) {
                claim(firstHits.writtenSource(i), c, source, reachedShare, precedence);
            }
        }
    }

    /**
     * Of the pages of class {@code c} that {@code other} first wrote in this batch (all of them
     * unreached, having been clean when the batch began), the sweep reached {@code reachedShare} and
     * claims those it got to first. That moves no page, only its attribution, so it is taken at its
     * expectation given the batch's counts.
     */
    private void claim(CopySource other, int c, CopySource source, double reachedShare, Precedence precedence) {
        double earlier = firstHits.get(other, c);
        if (other == source || earlier <= 0) {
            return;
        }
        double claimed = earlier * reachedShare * precedence.chance(other, c);
        record(other, c, -claimed);
        record(source, c, claimed);
    }

    /** What a sweep needs to know about the order of writes within the current batch. */
    @FunctionalInterface
    public interface Precedence {
        /** The chance that the sweep reached a page of class {@code c} before {@code other} first wrote it in this batch. */
        double chance(CopySource other, int c);
    }


    /** {@code n} clean pages of class {@code c} are copied: the exact total, whoever gets them. */
    private void take(int c, long n) {
        clean[c] -= n;
        cleanTotal -= n;
        copiedTotal += n;
        if (hot != null) {
            hot.taken(c, n);
        }
    }

    /** Attributes {@code n} pages of class {@code c} to source {@code s} (negative to take them back). */
    private void record(CopySource s, int c, double n) {
        copied[s.ordinal()] += n;
        firstHits.add(s, c, n);
    }

    private static long randomRound(double x, RandomGenerator rng) {
        long floor = (long) x; // x >= 0
        return floor + (rng.nextDouble() < x - floor ? 1 : 0);
    }
}
