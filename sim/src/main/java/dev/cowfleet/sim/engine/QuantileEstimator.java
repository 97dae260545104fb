package dev.cowfleet.sim.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.PSquarePercentile;

/**
 * Quantiles at fixed levels in bounded memory: exact while at most {@code exactLimit} values have
 * been seen, then one commons-math3 {@link PSquarePercentile} (Jain and Chlamtac's P² algorithm,
 * five markers) per level.
 *
 * <p>Merging is exact whenever one side still holds its values (they are replayed into the
 * other). Two P² estimators cannot be combined exactly, so merging two sides that have both
 * switched keeps both estimators as parts and answers with their count-weighted mean estimate.
 * That is consistent when the parts sample the same distribution (replications, identical
 * hosts) and only an approximation otherwise; memory grows with such merges, never with values.
 */
final class QuantileEstimator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] levels;
    private final int exactLimit;
    private double[] exact;
    private int exactCount;
    private long count;
    // P² estimators, one array per merged part; new values go to the first part.
    private List<Part> parts;

    private static final class Part implements Serializable {
        private static final long serialVersionUID = 1L;
        final PSquarePercentile[] perLevel;
        long count;

        Part(double[] levels) {
            perLevel = new PSquarePercentile[levels.length];
            for (int i = 0; i < levels.length; i++) {
                perLevel[i] = new PSquarePercentile(levels[i] * 100);
            }
        }

        Part(Part source) {
            perLevel = new PSquarePercentile[source.perLevel.length];
            for (int i = 0; i < perLevel.length; i++) {
                perLevel[i] = (PSquarePercentile) source.perLevel[i].copy();
            }
            count = source.count;
        }

        void add(double value) {
            for (PSquarePercentile estimator : perLevel) {
                estimator.increment(value);
            }
            count++;
        }
    }

    QuantileEstimator(double[] levels, int exactLimit) {
        for (double level : levels) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("quantile level " + level
                        + " is invalid: expected a fraction strictly between 0 and 1, e.g. 0.95");
            }
        }
        if (exactLimit < 1) {
            throw new IllegalArgumentException(
                    "exact quantile limit " + exactLimit + " is invalid: expected at least 1 value");
        }
        this.levels = levels.clone();
        this.exactLimit = exactLimit;
        this.exact = new double[Math.min(exactLimit, 16)];
    }

    boolean isExact() {
        return parts == null;
    }

    double[] levels() {
        return levels.clone();
    }

    void add(double value) {
        count++;
        if (parts == null) {
            if (exactCount < exactLimit) {
                if (exactCount == exact.length) {
                    exact = Arrays.copyOf(exact, Math.min(exactLimit, 2 * exact.length));
                }
                exact[exactCount++] = value;
                return;
            }
            Part first = new Part(levels);
            for (int i = 0; i < exactCount; i++) {
                first.add(exact[i]);
            }
            parts = new ArrayList<>(List.of(first));
            exact = null;
            exactCount = 0;
        }
        parts.get(0).add(value);
    }

    void merge(QuantileEstimator other) {
        if (!Arrays.equals(levels, other.levels) || exactLimit != other.exactLimit) {
            throw new IllegalArgumentException("cannot merge quantiles at levels "
                    + Arrays.toString(other.levels) + " (exact up to " + other.exactLimit
                    + ") into levels " + Arrays.toString(levels) + " (exact up to " + exactLimit
                    + "): expected the same configuration");
        }
        if (other.parts == null) {
            // snapshot first: other may be this estimator, and adding may switch it to P²
            double[] values = Arrays.copyOf(other.exact, other.exactCount);
            for (double value : values) {
                add(value);
            }
            return;
        }
        List<Part> adopted = new ArrayList<>();
        for (Part part : other.parts) {
            adopted.add(new Part(part));
        }
        if (parts == null) {
            for (int i = 0; i < exactCount; i++) {
                adopted.get(0).add(exact[i]);
            }
            parts = adopted;
            exact = null;
            exactCount = 0;
        } else {
            parts.addAll(adopted);
        }
        count += other.count;
    }

    /** The estimate at {@code level}, which must be one of the tracked levels; NaN when empty. */
    double quantile(double level) {
        int index = -1;
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == level) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("quantile " + level + " is not tracked: expected one of "
                    + Arrays.toString(levels) + " (levels are fixed when the tally is created)");
        }
        if (count == 0) {
            return Double.NaN;
        }
        if (parts == null) {
            return exactQuantile(level);
        }
        double weighted = 0;
        long total = 0;
        for (Part part : parts) {
            weighted += part.perLevel[index].getResult() * part.count;
            total += part.count;
        }
        return weighted / total;
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
