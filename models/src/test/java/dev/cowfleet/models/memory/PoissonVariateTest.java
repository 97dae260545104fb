package dev.cowfleet.models.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonVariateTest {
    private static final int DRAWS = 200_000;

    /** Both branches (multiplication below 10, PTRS above) against the exact pmf, by a chi-square test. */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 4.0, 9.99, 10.0, 37.5, 600.0, 25_000.0})
    void matchesThePoissonDistribution(double mean) {
        Well19937c rng = new Well19937c(42);
        PoissonDistribution exact = new PoissonDistribution(mean);
        long lo = Math.max(0, (long) Math.floor(mean - 4 * Math.sqrt(mean)) - 1);
        long hi = (long) Math.ceil(mean + 4 * Math.sqrt(mean)) + 2;
        // Bins: [0, lo), one per value in [lo, hi], (hi, inf).
        int bins = (int) (hi - lo) + 3;
        long[] observed = new long[bins];
        for (int i = 0; i < DRAWS; i++) {
            long k = new PoissonVariate(mean).sample(rng);
            observed[k < lo ? 0 : k > hi ? bins - 1 : (int) (k - lo) + 1]++;
        }
        double[] expected = new double[bins];
        expected[0] = lo == 0 ? 0 : exact.cumulativeProbability((int) lo - 1);
        for (long k = lo; k <= hi; k++) {
            expected[(int) (k - lo) + 1] = exact.probability((int) k);
        }
        expected[bins - 1] = 1.0 - exact.cumulativeProbability((int) hi);
        // Merge bins with tiny expectations into their neighbours so the test statistic is valid.
        double[] e = new double[bins];
        long[] o = new long[bins];
        int n = 0;
        double pendingE = 0;
        long pendingO = 0;
        for (int i = 0; i < bins; i++) {
            pendingE += expected[i] * DRAWS;
            pendingO += observed[i];
            if (pendingE >= 20) {
                e[n] = pendingE;
                o[n] = pendingO;
                n++;
                pendingE = 0;
                pendingO = 0;
            }
        }
        e[n - 1] += pendingE;
        o[n - 1] += pendingO;
        double p = new ChiSquareTest().chiSquareTest(Arrays.copyOf(e, n), Arrays.copyOf(o, n));
        assertTrue(p > 1e-4, "chi-square p-value " + p + " for mean " + mean);
    }

    @Test
    void meanAndVarianceAtALargeMean() {
        Well19937c rng = new Well19937c(7);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            double k = new PoissonVariate(1e6).sample(rng);
            sum += k;
            sumSq += k * k;
        }
        double mean = sum / DRAWS;
        assertEquals(1e6, mean, 4 * Math.sqrt(1e6 / DRAWS));
        assertEquals(1e6, sumSq / DRAWS - mean * mean, 0.02e6);
    }

    @Test
    void zeroMeanGivesZeroAndNegativeIsRefused() {
        assertEquals(0, new PoissonVariate(0).sample(new Well19937c(1)));
        assertThrows(IllegalArgumentException.class, () -> new PoissonVariate(-1).sample(new Well19937c(1)));
    }
}
