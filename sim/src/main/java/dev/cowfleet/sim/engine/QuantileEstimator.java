package dev.cowfleet.sim.engine;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Quantiles at any level in bounded memory: exact while at most {@code exactLimit} values have
 * been seen, then from a {@link LogHistogram} (each quantile within 0.1% of the order statistic it
 * stands for). Neither form depends on the level asked, so no level is fixed in advance.
 *
 * <p>Merging is exact while the values fit the exact limit, and histograms merge by adding
 * counts, so a merged estimator answers exactly as one that saw every value itself, whatever the
 * order of merges.
 */
final class QuantileEstimator implements Serializable {
    private static final long serialVersionUID = 3L;

    private final int exactLimit;
    private double[] exact;
    private int exactCount;
    private LogHistogram histogram;

    QuantileEstimator(int exactLimit) {
        if (exactLimit < 1) {
            throw new IllegalArgumentException(
                    "exact quantile limit " + exactLimit + " is invalid: expected at least 1 value");
        }
        this.exactLimit = exactLimit;
        this.exact = new double[Math.min(exactLimit, 16)];
    }

    boolean isExact() {
        return histogram == null;
    }

    int exactLimit() {
        return exactLimit;
    }

    void add(double value) {
        if (histogram != null) {
            histogram.add(value);
            return;
        }
        if (exactCount == exactLimit) {
            toHistogram();
            histogram.add(value);
            return;
        }
        if (exactCount == exact.length) {
            exact = Arrays.copyOf(exact, Math.min(exactLimit, 2 * exact.length));
        }
        exact[exactCount++] = value;
    }

    private void toHistogram() {
        histogram = new LogHistogram();
        for (int i = 0; i < exactCount; i++) {
            histogram.add(exact[i]);
        }
        exact = null;
        exactCount = 0;
    }

    void merge(QuantileEstimator other) {
        if (exactLimit != other.exactLimit) {
            throw new IllegalArgumentException("cannot merge quantiles exact up to " + other.exactLimit
                    + " values into quantiles exact up to " + exactLimit + ": expected the same limit");
        }
        if (other.histogram == null) {
            // snapshot first: other may be this estimator, and adding may switch it to a histogram
            double[] values = Arrays.copyOf(other.exact, other.exactCount);
            for (double value : values) {
                add(value);
            }
            return;
        }
        if (histogram == null) {
            toHistogram();
        }
        histogram.merge(other.histogram);
    }

    /** The estimate at {@code level}, a fraction from 0 (the minimum) to 1 (the maximum); NaN when empty. */
    double quantile(double level) {
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("quantile level " + level
                    + " is invalid: expected a fraction from 0 to 1, e.g. 0.95");
        }
        if (histogram != null) {
            return histogram.quantile(level);
        }
        return exactCount == 0 ? Double.NaN : exactQuantile(level);
    }

    /** Linear interpolation between order statistics at rank (n - 1)·level (Hyndman-Fan type 7). */
    private double exactQuantile(double level) {
        double[] sorted = Arrays.copyOf(exact, exactCount);
        Arrays.sort(sorted);
        double rank = (exactCount - 1) * level;
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, exactCount - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
