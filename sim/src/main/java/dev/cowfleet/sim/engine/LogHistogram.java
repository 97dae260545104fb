package dev.cowfleet.sim.engine;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Counts of values in logarithmic buckets, answering any quantile to within a relative error
 * {@value #RELATIVE_ACCURACY} of the order statistic it stands for: the DDSketch of Masson, Rim and
 * Lee ("DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees",
 * VLDB 2019). Bucket i holds magnitudes in (γ^(i-1), γ^i] with γ = (1 + α) / (1 - α); every value
 * in it is within α of the bucket's representative 2γ^i / (γ + 1).
 *
 * <p>Why this and not P²: an add is one logarithm and an increment (a P² marker update per level
 * cost ten times that on the simulation's hottest path, one add per worker per sample), and two
 * histograms merge exactly and in any order, so results reduced from parallel tasks do not depend
 * on how the work was split. commons-math3 has no mergeable quantile summary.
 *
 * <p>Memory is the span of magnitudes seen: about 1,150 buckets per factor of 10. Past
 * {@value #MAX_BUCKETS} buckets per sign the smallest magnitudes are merged into one bucket, so
 * only quantiles more than 14 decades below the largest value lose their guarantee.
 */
final class LogHistogram implements Serializable {
    private static final long serialVersionUID = 1L;

    static final double RELATIVE_ACCURACY = 0.001;
    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    /** Magnitudes below this count as zero: log-indexing them would need ever more buckets. */
    private static final double SMALLEST = 1e-300;
    static final int MAX_BUCKETS = 1 << 14;

    private final Buckets positive = new Buckets();
    private final Buckets negative = new Buckets();
    private long zeros;

    /** Counts one value; it must be finite. */
    void add(double value) {
        if (value > SMALLEST) {
            positive.add(index(value), 1);
        } else if (value < -SMALLEST) {
            negative.add(index(-value), 1);
        } else {
            zeros++;
        }
    }

    /** Adds every count of {@code other} (which may be this histogram). */
    void merge(LogHistogram other) {
        // snapshot first: other may be this histogram
        Buckets otherPositive = other.positive.copy();
        Buckets otherNegative = other.negative.copy();
        long otherZeros = other.zeros;
        positive.addAll(otherPositive);
        negative.addAll(otherNegative);
        zeros += otherZeros;
    }

    long count() {
        return negative.total + zeros + positive.total;
    }

    /**
     * The value at rank ⌊level·(n − 1)⌋ (0-based) in sorted order, to within the relative accuracy;
     * NaN when empty.
     */
    double quantile(double level) {
        long count = count();
        if (count == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.floor(level * (count - 1));
        if (rank < negative.total) {
            // negative values sort by descending magnitude
            return -value(negative.indexOfRank(negative.total - 1 - rank));
        }
        rank -= negative.total;
        if (rank < zeros) {
            return 0.0;
        }
        return value(positive.indexOfRank(rank - zeros));
    }

    private static int index(double magnitude) {
        return (int) Math.ceil(Math.log(magnitude) / LOG_GAMMA);
    }

    private static double value(int index) {
        return 2 * Math.exp(index * LOG_GAMMA) / (GAMMA + 1);
    }

    /** Dense counts for a contiguous range of bucket indexes, grown as values arrive. */
    private static final class Buckets implements Serializable {
        private static final long serialVersionUID = 1L;

        private long[] counts = new long[0];
        private int offset;
        private long total;

        void add(int index, long n) {
            if (counts.length == 0) {
                counts = new long[16];
                offset = index - 8;
            }
            if (index < offset) {
                index = Math.max(index, growDown(index));
            } else if (index >= offset + counts.length) {
                growUp(index);
            }
            counts[index - offset] += n;
            total += n;
        }

        /** Extends the range down to {@code index}, or as far as the bucket cap allows; returns the new floor. */
        private int growDown(int index) {
            int top = offset + counts.length;
            int newOffset = Math.max(index, top - MAX_BUCKETS);
            int extra = offset - newOffset;
            if (extra > 0) {
                long[] grown = new long[Math.min(MAX_BUCKETS, Math.max(counts.length + extra, 2 * counts.length))];
                int shift = grown.length - counts.length;
                System.arraycopy(counts, 0, grown, shift, counts.length);
                counts = grown;
                offset -= shift;
            }
            return offset;
        }

        private void growUp(int index) {
            int needed = index - offset + 1;
            if (needed > MAX_BUCKETS) {
                collapseBelow(index - MAX_BUCKETS + 1);
                needed = index - offset + 1;
            }
            if (needed > counts.length) {
                counts = Arrays.copyOf(counts, Math.min(MAX_BUCKETS, Math.max(needed, 2 * counts.length)));
            }
        }

        /** Moves every count below {@code floor} into the bucket at {@code floor}, which becomes the lowest. */
        private void collapseBelow(int floor) {
            int cut = Math.min(counts.length, floor - offset);
            long below = 0;
            for (int i = 0; i < cut; i++) {
                below += counts[i];
            }
            long[] kept = new long[counts.length];
            System.arraycopy(counts, cut, kept, 0, counts.length - cut);
            kept[0] += below;
            counts = kept;
            offset = floor;
        }

        void addAll(Buckets other) {
            for (int i = 0; i < other.counts.length; i++) {
                if (other.counts[i] > 0) {
                    add(other.offset + i, other.counts[i]);
                }
            }
        }

        /** The bucket index holding the value of ascending rank {@code rank} (0-based, below total). */
        int indexOfRank(long rank) {
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen > rank) {
                    return offset + i;
                }
            }
            throw new IllegalStateException("rank " + rank + " beyond " + total + " values");
        }

        Buckets copy() {
            Buckets copy = new Buckets();
            copy.counts = counts.clone();
            copy.offset = offset;
            copy.total = total;
            return copy;
        }
    }
}
