package dev.cowfleet.sim.engine;

import java.io.Serializable;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A two-sided Student t confidence interval for a mean: {@code mean ± halfWidth} at
 * {@code level} (e.g. 0.95), from {@code samples} independent observations.
 */
public record ConfidenceInterval(double mean, double halfWidth, double level, long samples)
        implements Serializable {

    /**
     * The interval {@code mean ± t(1 - (1 - level)/2, n - 1) · sd / sqrt(n)}. With a single
     * observation there is no spread to estimate, so the interval collapses to the mean (the
     * convention of the result model); callers can tell from {@link #samples()}.
     */
    public static ConfidenceInterval studentT(Moments moments, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(
                    "confidence level " + level + " is invalid: expected a fraction in (0, 1), e.g. 0.95");
        }
        long n = moments.count();
        if (n == 0) {
            throw new IllegalStateException("no observations recorded: a confidence interval needs at least one");
        }
        if (n == 1) {
            return new ConfidenceInterval(moments.mean(), 0.0, level, 1);
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double halfWidth = t * moments.standardDeviation() / Math.sqrt(n);
        return new ConfidenceInterval(moments.mean(), halfWidth, level, n);
    }

    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }

    public boolean contains(double value) {
        return value >= low() && value <= high();
    }
}
