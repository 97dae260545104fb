package dev.cowfleet.models.memory;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The samplers' first two moments against the exact formulas, over 20,000 draws: the mean within
 * 5 standard errors, the variance within 10% (its relative standard error is about 1% here); and
 * their whole distribution against commons-math3's exact pmf by a chi-square test over 200,000
 * draws, in both regimes (inversion below a mean of 10, rejection above) and through the symmetries.
 */
class DrawsTest {
    private static final int N = 20_000;

    private static void check(String what, double mean, double variance, long lo, long hi, LongSupplier draw) {
        SummaryStatistics s = new SummaryStatistics();
        for (int i = 0; i < N; i++) {
            long x = draw.getAsLong();
            assertTrue(x >= lo && x <= hi, what + ": " + x + " outside [" + lo + ", " + hi + "]");
            s.addValue(x);
        }
        assertEquals(mean, s.getMean(), 5 * Math.sqrt(variance / N) + 1e-9, what + " mean");
        assertEquals(variance, s.getVariance(), 0.1 * variance + 1e-9, what + " variance");
    }

    @Test
    void binomialMoments() {
        Well19937c rng = new Well19937c(1);
        long[] ns = {1, 7, 100, 5000, 2_000_000};
        double[] ps = {0.001, 0.03, 0.5, 0.97};
        for (long n : ns) {
            for (double p : ps) {
                if (n * p * (1 - p) < 0.05) {
                    continue;
                }
                check("binomial(" + n + ", " + p + ")", n * p, n * p * (1 - p), 0, n, () -> Draws.binomial(n, p, rng));
            }
        }
        // far beyond the log-factorial table: the pmf ratio must keep its precision
        check("binomial(1e12, 0.3)", 3e11, 2.1e11, 0, 1_000_000_000_000L, () -> Draws.binomial(1_000_000_000_000L, 0.3, rng));
        check("binomial(1e15, 1e-12)", 1000, 1000, 0, 1_000_000_000_000_000L,
                () -> Draws.binomial(1_000_000_000_000_000L, 1e-12, rng));
        assertEquals(0, Draws.binomial(10, 0, rng));
        assertEquals(10, Draws.binomial(10, 1, rng));
    }

    @Test
    void hypergeometricMoments() {
        Well19937c rng = new Well19937c(2);
        long[][] cases = {{50, 10, 5}, {1000, 300, 400}, {100_000, 60_000, 20_000}, {5_000_000, 100, 2_000_000}};
        for (long[] c : cases) {
            long pop = c[0];
            long succ = c[1];
            long draws = c[2];
            double p = (double) succ / pop;
            double mean = draws * p;
            double var = draws * p * (1 - p) * (pop - draws) / (pop - 1.0);
            check("hypergeometric" + java.util.Arrays.toString(c), mean, var,
                    Math.max(0, draws + succ - pop), Math.min(draws, succ), () -> Draws.hypergeometric(pop, succ, draws, rng));
        }
    }

    /**
     * Draws tallied per value, tails pooled so that every cell expects at least 5; the p-value must
     * exceed 1e-4 (a fixed seed makes the outcome fixed; a sampler off by a few percent anywhere
     * in the body of the law fails at this sample size).
     */
    private static void checkLaw(String what, IntegerDistribution law, LongSupplier draw) {
        int draws = 200_000;
        int lo = law.getSupportLowerBound();
        int hi = law.getSupportUpperBound();
        long[] counts = new long[hi - lo + 1];
        for (int i = 0; i < draws; i++) {
            long x = draw.getAsLong();
            assertTrue(x >= lo && x <= hi, what + ": " + x + " outside [" + lo + ", " + hi + "]");
            counts[(int) (x - lo)]++;
        }
        java.util.List<double[]> cells = new java.util.ArrayList<>();
        double expected = 0;
        long observed = 0;
        for (int x = lo; x <= hi; x++) {
            expected += draws * law.probability(x);
            observed += counts[x - lo];
            if (expected >= 5 && draws * (1 - law.cumulativeProbability(x)) >= 5) {
                cells.add(new double[] {expected, observed});
                expected = 0;
                observed = 0;
            }
        }
        cells.get(cells.size() - 1)[0] += expected;
        cells.get(cells.size() - 1)[1] += observed;
        double[] e = cells.stream().mapToDouble(c -> c[0]).toArray();
        long[] o = cells.stream().mapToLong(c -> (long) c[1]).toArray();
        double pValue = new ChiSquareTest().chiSquareTest(e, o);
        assertTrue(cells.size() >= 5, what + ": too few cells to test");
        assertTrue(pValue > 1e-4, what + ": chi-square p-value " + pValue + " over " + cells.size() + " cells");
    }

    @Test
    void binomialFollowsTheExactLaw() {
        Well19937c rng = new Well19937c(4);
        int[][] trials = {{40, 200}, {100, 300}, {5000, 20}, {2_000_000, 400}, {1000, 995}};
        for (int[] t : trials) {
            int n = t[0];
            double p = t[1] / 1000.0;
            checkLaw("binomial(" + n + ", " + p + ")", new BinomialDistribution(null, n, p),
                    () -> Draws.binomial(n, p, rng));
        }
    }

    @Test
    void hypergeometricFollowsTheExactLaw() {
        Well19937c rng = new Well19937c(5);
        int[][] cases = {{60, 20, 15}, {1000, 300, 400}, {1000, 900, 700}, {3000, 2100, 300}, {100_000, 60_000, 20_000},
                {5_000_000, 100, 2_000_000}, {200, 150, 30}};
        for (int[] c : cases) {
            checkLaw("hypergeometric" + java.util.Arrays.toString(c), new HypergeometricDistribution(null, c[0], c[1], c[2]),
                    () -> Draws.hypergeometric(c[0], c[1], c[2], rng));
        }
    }

    @Test
    void occupancyMoments() {
        Well19937c rng = new Well19937c(3);
        long[][] cases = {{100, 30}, {100, 300}, {5000, 2000}, {100_000, 250_000}};
        for (long[] c : cases) {
            double bins = c[0];
            long balls = c[1];
            double a1 = Math.pow(1 - 1 / bins, balls);
            double a2 = Math.pow(1 - 2 / bins, balls);
            double mean = bins * (1 - a1);
            double var = bins * (bins - 1) * a2 + bins * a1 - bins * bins * a1 * a1;
            check("occupancy" + java.util.Arrays.toString(c), mean, var, 1, Math.min(c[0], balls),
                    () -> Draws.occupancy(c[0], balls, rng));
        }
    }

    /** Up to 64 balls occupancy is drawn exactly: its whole law against the occupancy pmf. */
    @Test
    void occupancyOfFewBallsFollowsTheExactLaw() {
        Well19937c rng = new Well19937c(4);
        int[][] cases = {{12, 20}, {40, 64}, {100, 30}, {1000, 64}, {2000, 64}};
        for (int[] c : cases) {
            checkLaw("occupancy" + java.util.Arrays.toString(c), new OccupancyLaw(c[0], c[1]),
                    () -> Draws.occupancy(c[0], c[1], rng));
        }
    }

    /** Distinct bins hit by {@code balls} uniform balls, by recursion over the balls thrown. */
    private static final class OccupancyLaw extends org.apache.commons.math3.distribution.AbstractIntegerDistribution {
        private final double[] pmf;

        OccupancyLaw(int bins, int balls) {
            super(null);
            double[] p = new double[balls + 1];
            p[0] = 1;
            for (int b = 1; b <= balls; b++) {
                for (int h = Math.min(b, bins); h >= 1; h--) {
                    // the b-th ball falls in one of the h - 1 bins already hit, or in a new one
                    p[h] = p[h] * h / bins + p[h - 1] * (bins - h + 1.0) / bins;
                }
                p[0] = 0;
            }
            this.pmf = p;
        }

        @Override
        public double probability(int x) {
            return x < 0 || x >= pmf.length ? 0 : pmf[x];
        }

        @Override
        public double cumulativeProbability(int x) {
            double sum = 0;
            for (int k = 0; k <= Math.min(x, pmf.length - 1); k++) {
                sum += pmf[k];
            }
            return sum;
        }

        @Override
        public double getNumericalMean() {
            double m = 0;
            for (int k = 0; k < pmf.length; k++) {
                m += k * pmf[k];
            }
            return m;
        }

        @Override
        public double getNumericalVariance() {
            double m = getNumericalMean();
            double v = 0;
            for (int k = 0; k < pmf.length; k++) {
                v += (k - m) * (k - m) * pmf[k];
            }
            return v;
        }

        @Override
        public int getSupportLowerBound() {
            return 1;
        }

        @Override
        public int getSupportUpperBound() {
            return pmf.length - 1;
        }

        @Override
        public boolean isSupportConnected() {
            return true;
        }
    }

    /** The table returns exactly what log-gamma does; past it, Stirling's series agrees to double precision. */
    @Test
    void logFactorialAgreesWithLogGamma() {
        long[] table = {0, 1, 2, 19, 20, 1000, 64_000, (1 << 17) - 1};
        for (long n : table) {
            assertEquals(Double.doubleToLongBits(org.apache.commons.math3.special.Gamma.logGamma(n + 1.0)),
                    Double.doubleToLongBits(Draws.logFactorial(n)), "ln(" + n + "!)");
        }
        long[] series = {1 << 17, 5_000_000, 1_000_000_000_000L};
        for (long n : series) {
            double exact = org.apache.commons.math3.special.Gamma.logGamma(n + 1.0);
            assertEquals(exact, Draws.logFactorial(n), 1e-14 * exact, "ln(" + n + "!)");
        }
    }
}
