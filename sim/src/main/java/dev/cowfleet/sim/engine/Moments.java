package dev.cowfleet.sim.engine;

import java.io.Serializable;

/**
 * Count, mean, variance, minimum and maximum of a stream of values in O(1) memory.
 *
 * <p>Updates use Welford's recurrence and merges Chan, Golub and LeVeque's pairwise formula, so
 * merging the moments of two parts gives (up to rounding) the moments of the whole, whatever
 * the split: partial results from parallel tasks combine exactly. An empty instance reports NaN.
 */
public final class Moments implements Serializable {
    private static final long serialVersionUID = 1L;

    private long count;
    private double mean;
    private double sumSquaredDeviations;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("sample value " + value + " is invalid: expected a finite number");
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        sumSquaredDeviations += delta * (value - mean);
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Adds every value {@code other} has seen, as if they had been added here. */
    public void merge(Moments other) {
        if (other.count == 0) {
            return;
        }
        long total = count + other.count;
        double delta = other.mean - mean;
        sumSquaredDeviations += other.sumSquaredDeviations
                + delta * delta * ((double) count * other.count / total);
        mean += delta * other.count / total;
        count = total;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public long count() {
        return count;
    }

    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    public double sum() {
        return count == 0 ? Double.NaN : mean * count;
    }

    /** Sample variance (divisor n - 1); NaN with fewer than two values. */
    public double variance() {
        return count < 2 ? Double.NaN : sumSquaredDeviations / (count - 1);
    }

    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    public double max() {
        return count == 0 ? Double.NaN : max;
    }
}
