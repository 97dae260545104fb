package dev.cowfleet.models.memory;

import org.apache.commons.math3.random.RandomGenerator;

import java.util.Arrays;

/**
 * Splits a batch's independent random-write draws over the page classes: the multinomial, drawn as
 * conditional binomials, or draw by draw when there are only a few, which costs a uniform each
 * instead of a binomial per class.
 */
final class MultinomialSplit {
    /** Up to this many random draws in a batch are placed one by one rather than split by binomials. */
    static final long FEW_DRAWS = 16;

    private MultinomialSplit() {
    }

    /**
     * Splits {@code draws} draws over the classes by {@code weight} (classes not in {@code writes},
     * when given, take none; the rest of the mass hits pages already copied) into {@code byClass}.
     */
    static void split(long draws, double[] weight, boolean[] writes, long[] byClass, RandomGenerator rng) {
        Arrays.fill(byClass, 0);
        if (draws <= FEW_DRAWS) {
            for (long d = 0; d < draws; d++) {
                double u = rng.nextDouble();
                for (int c = 0; c < weight.length; c++) {
                    double w = writes == null || writes[c] ? weight[c] : 0;
                    if (u < w) {
                        byClass[c]++;
                        break;
                    }
                    u -= w;
                }
            }
            return;
        }
        double mass = 1;
        long left = draws;
        for (int c = 0; c < weight.length && left > 0; c++) {
            double w = writes == null || writes[c] ? weight[c] : 0;
            if (w <= 0) {
                continue;
            }
            byClass[c] = Draws.binomial(left, Math.min(1, w / mass), rng);
            left -= byClass[c];
            mass -= w;
        }
    }
}
