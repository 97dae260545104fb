package dev.cowfleet.sim.engine;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * Exact Poisson variates in O(1) expected time, drawn from the caller's generator.
 *
 * <p>Why not commons-math3's {@code PoissonDistribution.sample()}: it is bound to one mean per
 * instance and, above a mean of 40, evaluates {@code factorialLog} as a sum of n logarithms, so a
 * draw costs O(mean). The host simulation draws one count per worker per sampling interval with a
 * mean that changes with the traffic curve (hundreds of requests), which made that sum the hottest
 * loop of a run. Here: multiplication of uniforms below a mean of 10; above it, Hörmann's
 * transformed rejection with squeeze, PTRS (W. Hörmann, "The transformed rejection method for
 * generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993), whose
 * acceptance test uses commons-math3's log-gamma.
 */
public final class PoissonVariate {
    private static final double SMALL_MEAN = 10.0;

    private PoissonVariate() {
    }

    public static long sample(double mean, RandomGenerator rng) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("a Poisson mean must be finite and >= 0, got " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        return mean < SMALL_MEAN ? byMultiplication(mean, rng) : byTransformedRejection(mean, rng);
    }

    private static long byMultiplication(double mean, RandomGenerator rng) {
        double limit = Math.exp(-mean);
        double product = rng.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= rng.nextDouble();
            k++;
        }
        return k;
    }

    private static long byTransformedRejection(double mean, RandomGenerator rng) {
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double lhs = Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b);
            if (lhs <= -mean + k * logMean - Gamma.logGamma(k + 1.0)) {
                return k;
            }
        }
    }
}
