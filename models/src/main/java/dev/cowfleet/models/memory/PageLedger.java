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
 *       the classes' clean pages (a multinomial, as conditional binomials), and the clean pages a
 *       class's draws hit is an occupancy count; the first draws on the hit pages are a random
 *       subset of the class's draws, so mutation's share is hypergeometric;</li>
 *   <li>sequential sweeps ({@link #sweep}: the allocator filling holes, 3.14's incremental scan)
 *       reach pages in a random order fixed at fork, unrelated to the random writes: newly reached
 *       pages split over classes as a multivariate hypergeometric, and over clean pages and pages
 *       other sources first wrote in this batch as hypergeometrics; the sweep takes the clean ones,
 *       and claims each of the others with the probability that it got there first;</li>
 *   <li>whole-class writes ({@link #writeAll}: a full collection, teardown): every clean page.</li>
 * </ul>
 */
public final class PageLedger {
    private static final CopySource[] SOURCES = CopySource.values();

    private final long[] pages;
    private final long[] clean;
    private final long[][] swept;
    private final long[] sweptTotal;
    private final long[] copied = new long[SOURCES.length];
    private final long[][] firstHitInBatch;

    /** @param pages pages per class; {@code sweeps} independent sweep cursors */
    public PageLedger(long[] pages, int sweeps) {
        this.pages = pages.clone();
        this.clean = pages.clone();
        this.swept = new long[sweeps][pages.length];
        this.sweptTotal = new long[sweeps];
        this.firstHitInBatch = new long[SOURCES.length][pages.length];
    }

    /**
     * Starts a batch of requests: pages copied from now on remember which source got them, so that
     * a source processed later in the batch can claim those it actually reached first.
     */
    public void beginBatch() {
        for (long[] row : firstHitInBatch) {
            Arrays.fill(row, 0);
        }
    }

    public long clean(int c) {
        return clean[c];
    }

    public long totalClean() {
        long n = 0;
        for (long x : clean) {
            n += x;
        }
        return n;
    }

    /** Pages of class {@code c} that source {@code s} was first to write in the current batch. */
    public long firstHitsInBatch(CopySource s, int c) {
        return firstHitInBatch[s.ordinal()][c];
    }

    public long copied(CopySource s) {
        return copied[s.ordinal()];
    }

    public long copiedTotal() {
        long n = 0;
        for (long x : copied) {
            n += x;
        }
        return n;
    }

    /** Pages sweep {@code sweep} has reached so far, over all classes. */
    public long reached(int sweep) {
        return sweptTotal[sweep];
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
        clean[c] -= w;
        copied[source.ordinal()] += w;
        firstHitInBatch[source.ordinal()][c] += w;
        return w;
    }

    /** {@code requests} requests of random writes; returns the pages copied. */
    public long writeRandomly(long requests, RandomWrites w, RandomGenerator rng) {
        if (requests <= 0 || w.hotObjects() <= 0) {
            return 0;
        }
        long refcountLeft = randomRound(requests * w.refcountDraws(), rng);
        long mutationLeft = randomRound(requests * w.mutationDraws(), rng);
        double refcountMass = 1;
        double mutationMass = 1;
        long copiedNow = 0;
        for (int c = 0; c < pages.length && (refcountLeft > 0 || mutationLeft > 0); c++) {
            double weight = clean[c] * w.hotPerPage()[c] / w.hotObjects();
            if (weight <= 0) {
                continue;
            }
            long byRefcount = 0;
            if (w.refcountWrites()[c] && refcountLeft > 0) {
                byRefcount = Draws.binomial(refcountLeft, Math.min(1, weight / refcountMass), rng);
                refcountLeft -= byRefcount;
            }
            refcountMass -= w.refcountWrites()[c] ? weight : 0;
            long byMutation = 0;
            if (mutationLeft > 0) {
                byMutation = Draws.binomial(mutationLeft, Math.min(1, weight / mutationMass), rng);
                mutationLeft -= byMutation;
            }
            mutationMass -= weight;
            long draws = byRefcount + byMutation;
            if (draws == 0) {
                continue;
            }
            long hit = Draws.occupancy(clean[c], draws, rng);
            // in random order, the first draws on the hit pages are a random subset of all draws
            long mutationHits = Draws.hypergeometric(draws, hit, byMutation, rng);
            clean[c] -= hit;
            record(CopySource.REFCOUNT, c, hit - mutationHits);
            record(CopySource.MUTATION, c, mutationHits);
            copiedNow += hit;
        }
        return copiedNow;
    }

    /**
     * Sweep {@code sweep} advances to {@code target} pages in total over the classes marked in
     * {@code members}, as the last source of the batch. Newly reached clean pages are copied by
     * {@code source}. A newly reached page that another source first wrote earlier in this batch
     * goes to {@code source} with probability {@code precedence[other][c]}: the chance that this
     * sweep reached it before the other source wrote it. Returns the pages newly copied.
     */
    public long sweep(int sweep, boolean[] members, long target, CopySource source, double[][] precedence,
                      RandomGenerator rng) {
        long reach = target - sweptTotal[sweep];
        if (reach <= 0) {
            return 0;
        }
        long[] cursor = swept[sweep];
        long unreached = 0;
        for (int c = 0; c < pages.length; c++) {
            unreached += members[c] ? pages[c] - cursor[c] : 0;
        }
        reach = Math.min(reach, unreached);
        sweptTotal[sweep] += reach;
        long copiedNow = 0;
        for (int c = 0; c < pages.length && reach > 0; c++) {
            if (!members[c]) {
                continue;
            }
            long classUnreached = pages[c] - cursor[c];
            long here = Draws.hypergeometric(unreached, classUnreached, reach, rng);
            unreached -= classUnreached;
            reach -= here;
            cursor[c] += here;
            long reachedClean = Draws.hypergeometric(classUnreached, clean[c], here, rng);
            clean[c] -= reachedClean;
            record(source, c, reachedClean);
            copiedNow += reachedClean;
            long others = classUnreached - clean[c] - reachedClean;
            long left = here - reachedClean;
            for (CopySource other : SOURCES) {
                long earlier = firstHitInBatch[other.ordinal()][c];
                if (other == source || earlier == 0 || left == 0) {
                    continue;
                }
                long reached = Draws.hypergeometric(others, earlier, left, rng);
                others -= earlier;
                left -= reached;
                long claimed = Draws.binomial(reached, precedence[other.ordinal()][c], rng);
                copied[other.ordinal()] -= claimed;
                firstHitInBatch[other.ordinal()][c] -= claimed;
                record(source, c, claimed);
            }
        }
        return copiedNow;
    }

    private void record(CopySource s, int c, long n) {
        copied[s.ordinal()] += n;
        firstHitInBatch[s.ordinal()][c] += n;
    }

    private static long randomRound(double x, RandomGenerator rng) {
        long floor = (long) Math.floor(x);
        return floor + (rng.nextDouble() < x - floor ? 1 : 0);
    }
}
