package dev.cowfleet.models.memory;

/**
 * How requests write inherited pages at random: each request draws hot objects uniformly for its
 * refcount writes and, separately, for its mutations. Immutable; arrays are indexed by page class.
 *
 * <p>A request touches {@code T} distinct objects out of {@code H}; the ledger works with
 * independent draws, so {@code T} becomes the number of independent draws that leaves an object
 * untouched with the same probability: {@code T' = ln(1 - T/H) / ln(1 - 1/H)}. The marginal
 * per-request hit probability of every object is then exact, and the fixed number of draws per
 * request keeps the negative correlation between pages (occupancy) that independent page
 * Bernoullis would lose.
 *
 * @param refcountDraws   equivalent independent refcount draws per request
 * @param mutationDraws   equivalent independent mutation draws per request
 * @param hotObjects      hot objects the draws are spread over
 * @param hotPerPage      hot objects per page of each class
 * @param refcountWrites  whether a refcount draw writes a page of the class (false: immortal)
 * @param refcountChance  per-request probability that refcount writes hit a given page of the class
 * @param mutationChance  per-request probability that mutations hit a given page of the class
 */
public final class RandomWrites {
    private final double refcountDraws;
    private final double mutationDraws;
    private final double hotObjects;
    private final double[] hotPerPage;
    private final boolean[] refcountWrites;
    private final double[] refcountChance;
    private final double[] mutationChance;
    /** The classes a draw cannot tell apart, derived once for every ledger that these writes serve. */
    final HotPools pools;

    public RandomWrites(double refcountDraws, double mutationDraws, double hotObjects, double[] hotPerPage,
                        boolean[] refcountWrites, double[] refcountChance, double[] mutationChance) {
        this.refcountDraws = refcountDraws;
        this.mutationDraws = mutationDraws;
        this.hotObjects = hotObjects;
        this.hotPerPage = hotPerPage;
        this.refcountWrites = refcountWrites;
        this.refcountChance = refcountChance;
        this.mutationChance = mutationChance;
        this.pools = HotPools.of(hotPerPage, refcountWrites, hotObjects);
    }

    public double refcountDraws() {
        return refcountDraws;
    }

    public double mutationDraws() {
        return mutationDraws;
    }

    public double hotObjects() {
        return hotObjects;
    }

    public double[] hotPerPage() {
        return hotPerPage;
    }

    public boolean[] refcountWrites() {
        return refcountWrites;
    }

    public double[] refcountChance() {
        return refcountChance;
    }

    public double[] mutationChance() {
        return mutationChance;
    }

    /** Draws per request equivalent to {@code distinct} distinct objects out of {@code hot}. */
    public static double equivalentDraws(long distinct, long hot) {
        if (distinct <= 0 || hot <= 0) {
            return 0;
        }
        if (distinct >= hot) {
            return 40.0 * hot;
        }
        return Math.log1p(-(double) distinct / hot) / Math.log1p(-1.0 / hot);
    }

    /**
     * The share of first writes on a page of class {@code c} that are mutations: the draws that can
     * write it fall in random order, so the first is one of mutation's with mutation's share of them.
     */
    public double mutationShare(int c) {
        double writing = (refcountWrites[c] ? refcountDraws : 0) + mutationDraws;
        return writing > 0 ? mutationDraws / writing : 0;
    }

    /** Per-request probability that no random write hits a page of class {@code c}. */
    public double untouched(int c) {
        return (1 - refcountChance[c]) * (1 - mutationChance[c]);
    }
}
