package dev.cowfleet.models.memory;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * One worker's view of the inherited pages, per page class: how many are still clean (shared),
 * how far two sequential sweeps have got through the class, and how many pages were copied by each
 * source. A page is copied at most once and attributed to the first source that wrote it.
 *
 * <p>Within a class pages are exchangeable, so every operation is a draw on counts:
 * <ul>
 *   <li>per-request random writes (refcount, mutation) over k requests: with per-request hit
 *       probabilities {@code pR}, {@code pM}, a clean page survives k requests with probability
 *       {@code q^k}, {@code q = (1 - pR)(1 - pM)}: one binomial draw, split between the two sources
 *       in proportion to which one hits first in a request (refcount is written before the
 *       mutation that needs the reference);</li>
 *   <li>sequential sweeps (the allocator filling holes, 3.14's incremental scan): the sweep
 *       reaches pages it has not reached before in an order unrelated to the random writes, so the
 *       clean pages among {@code f} newly reached pages are hypergeometric; each was written by
 *       the random sources first with probability 1 - (mean survival until the sweep reached it);</li>
 *   <li>whole-class writes (a full collection, teardown): every clean page.</li>
 * </ul>
 */
public final class PageLedger {
    private static final CopySource[] SOURCES = CopySource.values();

    private final long[] pages;
    private final long[] clean;
    private final long[][] swept;
    private final long[] copied = new long[SOURCES.length];

    /** @param pages pages per class; {@code sweeps} independent sweep cursors per class */
    public PageLedger(long[] pages, int sweeps) {
        this.pages = pages.clone();
        this.clean = pages.clone();
        this.swept = new long[sweeps][pages.length];
    }

    public int classes() {
        return pages.length;
    }

    public long pages(int c) {
        return pages[c];
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

    /** Pages of class {@code c} that sweep {@code sweep} has reached. */
    public long swept(int sweep, int c) {
        return swept[sweep][c];
    }

    /** Writes every clean page of class {@code c}; returns the pages copied. */
    public long writeAll(int c, CopySource source) {
        long n = clean[c];
        clean[c] = 0;
        copied[source.ordinal()] += n;
        return n;
    }

    /**
     * {@code requests} requests of random writes to class {@code c}; returns the pages copied.
     *
     * @param pR per-request refcount hit probability of a page
     * @param pM per-request mutation hit probability of a page
     */
    public long writeRandomly(int c, double pR, double pM, long requests, RandomGenerator rng) {
        if (clean[c] == 0 || requests <= 0 || (pR <= 0 && pM <= 0)) {
            return 0;
        }
        double survive = Math.pow((1 - pR) * (1 - pM), requests);
        long n = Draws.binomial(clean[c], 1 - survive, rng);
        attributeRandom(c, n, pR, pM, rng);
        return n;
    }

    /**
     * Sweep {@code sweep} advances to {@code target} pages of class {@code c}. Newly reached clean
     * pages are copied: by {@code source} with probability {@code survival} (the random writes had
     * not reached them first), otherwise by the random sources. Returns the pages copied.
     */
    public long sweepTo(int sweep, int c, long target, CopySource source, double survival, double pR, double pM,
                        RandomGenerator rng) {
        long[] cursor = swept[sweep];
        long reach = Math.min(target, pages[c]) - cursor[c];
        if (reach <= 0) {
            return 0;
        }
        long hit = Draws.hypergeometric(pages[c] - cursor[c], clean[c], reach, rng);
        cursor[c] += reach;
        long bySweep = survival >= 1 ? hit : Draws.binomial(hit, survival, rng);
        clean[c] -= bySweep;
        copied[source.ordinal()] += bySweep;
        attributeRandom(c, hit - bySweep, pR, pM, rng);
        return hit;
    }

    private void attributeRandom(int c, long n, double pR, double pM, RandomGenerator rng) {
        if (n <= 0) {
            return;
        }
        double anyHit = 1 - (1 - pR) * (1 - pM);
        long byRefcount = anyHit <= 0 ? n : Draws.binomial(n, Math.min(1, pR / anyHit), rng);
        clean[c] -= n;
        copied[CopySource.REFCOUNT.ordinal()] += byRefcount;
        copied[CopySource.MUTATION.ordinal()] += n - byRefcount;
    }
}
