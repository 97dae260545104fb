package dev.cowfleet.models.memory;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Exact Poisson variates for one mean in O(1) expected time, drawn from the caller's generator.
 *
 * <p>Why not commons-math3's {@code PoissonDistribution.sample()}: above a mean of 40 it evaluates
 * {@code factorialLog} as a sum of n logarithms, so a draw costs O(mean). The host simulation draws
 * one count per worker per sampling interval (hundreds of requests each). Here: multiplication of
 * uniforms below a mean of 10; above it, Hörmann's transformed rejection with squeeze, PTRS
 * (W. Hörmann, "The transformed rejection method for generating Poisson random variables",
 * Insurance: Mathematics and Economics 12, 1993). An instance holds the mean's constants, so the
 * workers of an interval, which share a mean, pay for them once; ln k! comes from
 * {@link Draws#logFactorial} (a table, then Stirling's series).
 */
public final class PoissonVariate {
    private static final double SMALL_MEAN = 10.0;

    private final double mean;
    private final double logMean;
    private final double b;
    private final double a;
    private final double logInverseAlpha;
    private final double vr;
    private final double smallLimit;

    public PoissonVariate(double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("a Poisson mean must be finite and >= 0, got " + mean);
        }
        this.mean = mean;
        this.logMean = Math.log(mean);
        this.b = 0.931 + 2.53 * Math.sqrt(mean);
        this.a = -0.059 + 0.02483 * b;
        this.logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
        this.vr = 0.9277 - 3.6224 / (b - 2);
        this.smallLimit = Math.exp(-mean);
    }

    public long sample(RandomGenerator rng) {
        if (mean == 0) {
            return 0;
        }
        return mean < SMALL_MEAN ? byMultiplication(rng) : byTransformedRejection(rng);
    }

    private long byMultiplication(RandomGenerator rng) {
        double product = rng.nextDouble();
        long k = 0;
        while (product > smallLimit) {
            product *= rng.nextDouble();
            k++;
        }
        return k;
    }

    private long byTransformedRejection(RandomGenerator rng) {
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            double x = (2 * a / us + b) * u + mean + 0.43;
            if (x < 0) {
                continue;
            }
            long k = (long) x; // x >= 0: truncation is the floor
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (us < 0.013 && v > us) {
                continue;
            }
            double lhs = Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b);
            if (lhs <= -mean + k * logMean - Draws.logFactorial(k)) {
                return k;
            }
        }
    }
}
