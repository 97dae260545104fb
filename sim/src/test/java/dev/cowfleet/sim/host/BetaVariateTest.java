package dev.cowfleet.sim.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Holds {@link BetaVariate} to the law commons-math3's {@link BetaDistribution} computes, by a
 * chi-square goodness-of-fit test on the probability-integral transform of its draws.
 */
class BetaVariateTest {
    private static final int DRAWS = 500_000;
    private static final int BINS = 100;
    /** Per shape pair; with a fixed seed per pair the test is deterministic, this only sets its strictness. */
    private static final double SIGNIFICANCE = 1e-4;

    /**
     * Both of Cheng's branches (BB when both shapes exceed 1, BC otherwise, each with the shapes in
     * either order) and the shapes a milestone asks for: the k-th of n remaining requests is
     * Beta(k, n - k + 1), with k = 1, small k, and k near n, for n from 2 to 3,000.
     */
    private static final double[][] SHAPES = {
        {1, 1}, {1, 2}, {2, 1}, {1, 40}, {1, 3000}, {0.5, 0.5}, {0.3, 2.5}, {2.5, 0.3}, {0.9, 1.7},
        {2, 2}, {3, 8}, {2, 2999}, {5, 20}, {1.5, 1.5}, {50, 2951}, {1500, 1501}, {2999, 2}, {3000, 1},
        {40, 1}, {1.01, 7.5},
    };

    @Test
    void drawsFollowTheBetaLawForEveryShapeAMilestoneUses() {
        double critical = new ChiSquaredDistribution(BINS - 1).inverseCumulativeProbability(1 - SIGNIFICANCE);
        List<String> misfits = new ArrayList<>();
        for (int pair = 0; pair < SHAPES.length; pair++) {
            double a = SHAPES[pair][0];
            double b = SHAPES[pair][1];
            double statistic = chiSquare(a, b, new Well19937c(1000 + pair));
            if (!(statistic < critical)) {
                misfits.add(String.format("Beta(%s, %s): chi-square %.1f >= %.1f", a, b, statistic, critical));
            }
        }
        assertTrue(misfits.isEmpty(), String.join("; ", misfits));
    }

    @Test
    void drawsStayInTheUnitIntervalAtExtremeShapes() {
        RandomGenerator random = new Well19937c(7);
        double[][] extremes = {{1, 1e6}, {1e6, 1}, {0.01, 0.01}, {1e5, 1e5}, {0.001, 5000}};
        for (double[] shape : extremes) {
            for (int i = 0; i < 10_000; i++) {
                double x = BetaVariate.sample(shape[0], shape[1], random);
                assertTrue(x >= 0.0 && x <= 1.0, "Beta(" + shape[0] + ", " + shape[1] + ") drew " + x);
            }
        }
    }

    /** Pearson's statistic of the draws' CDF values over equiprobable bins. */
    private static double chiSquare(double a, double b, RandomGenerator random) {
        BetaDistribution law = new BetaDistribution(a, b);
        long[] counts = new long[BINS];
        for (int i = 0; i < DRAWS; i++) {
            double u = law.cumulativeProbability(BetaVariate.sample(a, b, random));
            counts[Math.min(BINS - 1, (int) (u * BINS))]++;
        }
        double expected = (double) DRAWS / BINS;
        double statistic = 0.0;
        for (long count : counts) {
            statistic += (count - expected) * (count - expected) / expected;
        }
        return statistic;
    }
}
