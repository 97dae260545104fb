package dev.cowfleet.models.memory;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * Exact binomial and hypergeometric samplers driven by the caller's generator, without allocating.
 *
 * <p>Both invert the distribution function: from 0 when the mean is small (a few steps), otherwise
 * by "chop-down" search outward from the mode, which takes O(standard deviation) steps. The
 * probability at the mode comes from log-gamma; neighbours follow by the exact pmf ratios.
 */
public final class Draws {
    /** Below this mean, inversion from zero is cheaper than starting at the mode. */
    private static final double SMALL_MEAN = 20;
    /** Up to this many balls, occupancy is simulated ball by ball. */
    private static final long EXACT_OCCUPANCY_BALLS = 64;

    private Draws() {
    }

    /** Successes in {@code n} independent trials of probability {@code p}. */
    public static long binomial(long n, double p, RandomGenerator rng) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(n, 1 - p, rng);
        }
        double odds = p / (1 - p);
        double u = rng.nextDouble();
        if (n * p < SMALL_MEAN) {
            double pmf = Math.exp(n * Math.log1p(-p));
            long x = 0;
            while (true) {
                u -= pmf;
                if (u <= 0 || x >= n) {
                    return x;
                }
                pmf *= odds * (n - x) / (x + 1);
                x++;
                if (pmf == 0) {
                    return x - 1;
                }
            }
        }
        long mode = (long) Math.floor((n + 1) * p);
        mode = Math.min(mode, n);
        double atMode = Math.exp(logChoose(n, mode) + mode * Math.log(p) + (n - mode) * Math.log1p(-p));
        u -= atMode;
        if (u <= 0) {
            return mode;
        }
        long up = mode;
        long down = mode;
        double pUp = atMode;
        double pDown = atMode;
        while (true) {
            boolean moved = false;
            if (up < n) {
                pUp *= odds * (n - up) / (up + 1);
                up++;
                u -= pUp;
                if (u <= 0) {
                    return up;
                }
                moved = pUp > 0;
            }
            if (down > 0) {
                pDown *= (double) down / ((n - down + 1) * odds);
                down--;
                u -= pDown;
                if (u <= 0) {
                    return down;
                }
                moved |= pDown > 0;
            }
            if (!moved) {
                return mode;
            }
        }
    }

    /**
     * Successes among {@code draws} taken without replacement from {@code population} items of
     * which {@code successes} are successes.
     */
    public static long hypergeometric(long population, long successes, long draws, RandomGenerator rng) {
        if (draws <= 0 || successes <= 0) {
            return 0;
        }
        if (draws >= population) {
            return successes;
        }
        if (successes >= population) {
            return draws;
        }
        long lo = Math.max(0, draws + successes - population);
        long hi = Math.min(draws, successes);
        if (lo == hi) {
            return lo;
        }
        long failures = population - successes;
        double u = rng.nextDouble();
        long mode = (long) Math.floor((draws + 1.0) * (successes + 1.0) / (population + 2.0));
        mode = Math.max(lo, Math.min(hi, mode));
        double atMode = Math.exp(logChoose(successes, mode) + logChoose(failures, draws - mode)
                - logChoose(population, draws));
        u -= atMode;
        if (u <= 0) {
            return mode;
        }
        long up = mode;
        long down = mode;
        double pUp = atMode;
        double pDown = atMode;
        while (true) {
            boolean moved = false;
            if (up < hi) {
                pUp *= (double) (successes - up) * (draws - up) / ((up + 1.0) * (failures - draws + up + 1.0));
                up++;
                u -= pUp;
                if (u <= 0) {
                    return up;
                }
                moved = pUp > 0;
            }
            if (down > lo) {
                pDown *= (double) down * (failures - draws + down) / ((successes - down + 1.0) * (draws - down + 1.0));
                down--;
                u -= pDown;
                if (u <= 0) {
                    return down;
                }
                moved |= pDown > 0;
            }
            if (!moved) {
                return mode;
            }
        }
    }

    /**
     * Distinct bins hit when {@code balls} balls fall uniformly into {@code bins} bins (the classical
     * occupancy count): exact by sequential simulation up to {@value #EXACT_OCCUPANCY_BALLS} balls,
     * otherwise the normal law with the exact mean and variance, randomly rounded and clamped.
     */
    public static long occupancy(long bins, long balls, RandomGenerator rng) {
        if (bins <= 0 || balls <= 0) {
            return 0;
        }
        if (balls <= EXACT_OCCUPANCY_BALLS) {
            long hit = 0;
            for (long b = 0; b < balls && hit < bins; b++) {
                if (rng.nextDouble() * bins < bins - hit) {
                    hit++;
                }
            }
            return hit;
        }
        double c = bins;
        double logMiss = balls * Math.log1p(-1 / c);
        double a1 = Math.exp(logMiss);
        double a2 = bins == 1 ? 0 : Math.exp(balls * Math.log1p(-2 / c));
        double mean = c * -Math.expm1(logMiss);
        double cross = bins == 1 ? -a1 * a1
                : a1 * a1 * Math.expm1(balls * (Math.log1p(-2 / c) - 2 * Math.log1p(-1 / c)));
        double variance = Math.max(0, c * c * cross + c * (a1 - a2));
        double x = mean + Math.sqrt(variance) * rng.nextGaussian();
        long floor = (long) Math.floor(x);
        long value = floor + (rng.nextDouble() < x - floor ? 1 : 0);
        return Math.max(1, Math.min(Math.min(bins, balls), value));
    }

    private static double logChoose(long n, long k) {
        if (k == 0 || k == n) {
            return 0;
        }
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }
}
