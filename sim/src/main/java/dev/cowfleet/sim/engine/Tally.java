package dev.cowfleet.sim.engine;

import java.io.Serializable;

/**
 * Streaming summary of observations (waiting times, memory at sample points, ...): count, mean,
 * variance, min, max and quantiles at any level. Memory is bounded: quantiles are
 * exact up to {@link #DEFAULT_EXACT_LIMIT} values (or the limit given), then read from logarithmic
 * buckets to within 0.1% (see {@link QuantileEstimator}); no per-sample history is kept beyond that
 * bound.
 *
 * <p>Tallies from parallel tasks {@link #merge merge}: the moments exactly, the quantiles as if
 * one tally had seen every value.
 */
public final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Values kept for exact quantiles before switching to logarithmic buckets. */
    public static final int DEFAULT_EXACT_LIMIT = 1024;

    private final Moments moments = new Moments();
    private final QuantileEstimator quantiles;

    /** A tally whose quantiles are exact up to {@link #DEFAULT_EXACT_LIMIT} values. */
    public Tally() {
        this(DEFAULT_EXACT_LIMIT);
    }

    /** A tally whose quantiles are exact up to {@code exactLimit} values. */
    public Tally(int exactLimit) {
        quantiles = new QuantileEstimator(exactLimit);
    }

    /** An empty tally with this one's exact limit, ready to {@link #merge} others into. */
    public Tally emptyLike() {
        return new Tally(quantiles.exactLimit());
    }

    public void add(double value) {
        moments.add(value);
        quantiles.add(value);
    }

    /** Adds everything {@code other} has seen. Both must have the same exact limit. */
    public void merge(Tally other) {
        quantiles.merge(other.quantiles);
        moments.merge(other.moments);
    }

    public long count() {
        return moments.count();
    }

    public double mean() {
        return moments.mean();
    }

    public double variance() {
        return moments.variance();
    }

    public double standardDeviation() {
        return moments.standardDeviation();
    }

    public double min() {
        return moments.min();
    }

    public double max() {
        return moments.max();
    }

    /** The quantile at {@code level}, a fraction from 0 to 1; NaN when empty. */
    public double quantile(double level) {
        return quantiles.quantile(level);
    }

    /** Whether {@link #quantile} is still exact (few enough values so far). */
    public boolean quantilesExact() {
        return quantiles.isExact();
    }
}
