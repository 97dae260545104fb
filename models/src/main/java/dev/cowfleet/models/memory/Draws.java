package dev.cowfleet.models.memory;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * Exact binomial and hypergeometric samplers driven by the caller's generator, without allocating.
 *
 * <p>Both invert the distribution function: from 0 when the mean is small (a few steps), otherwise
 * by "chop-down" search outward from the mode, which takes O(standard deviation) steps. The
 * probability at the mode comes from log-gamma; neighbours follow by the exact pmf ratios. Past a
 * standard deviation of 1,000 the normal law with the exact moments is used instead (skewness below
 * 0.001), so every draw costs at most a few thousand steps.
 */
public final class Draws {
    /** Below this mean, inversion from zero is cheaper than starting at the mode. */
    private static final double SMALL_MEAN = 20;
    /**
     * Above this variance (standard deviation 1,000) the normal law replaces exact inversion: the
     * skewness is below 0.001, and inversion would take thousands of steps.
     */
    private static final double NORMAL_VARIANCE = 1e6;
    /**
     * Above this many trials log-gamma differences lose precision; with the variance below
     * {@link #NORMAL_VARIANCE}, p is then below 1e-4, where the Poisson law is exact to O(p).
     */
    private static final double HUGE_N = 1e10;
    /** Up to this many balls, occupancy is simulated ball by ball. */
    private static final long EXACT_OCCUPANCY_BALLS = 64;
    /**
     * ln(k!) for k below this, looked up rather than recomputed: populations are page counts, and a
     * hypergeometric draw needs six log-gammas, which dominated the simulation's run time. 2^17
     * entries (1 MiB) cover every page count of a 512 MiB heap of 4 KiB pages.
     */
    private static final int LOG_FACTORIAL_TABLE = 1 << 17;
    /** ln(k!) = Gamma.logGamma(k + 1), bit for bit, so a lookup draws exactly what the call would. */
    private static final double[] LOG_FACTORIAL = logFactorials(LOG_FACTORIAL_TABLE);

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
        double variance = n * p * (1 - p);
        if (variance > NORMAL_VARIANCE) {
            return normal(n * p, variance, 0, n, rng);
        }
        if (n > HUGE_N && n * p >= SMALL_MEAN) {
            return Math.min(n, poisson(n * p, rng));
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
        double share = (double) successes / population;
        double variance = draws * share * (1 - share) * ((double) (population - draws) / (population - 1));
        if (variance > NORMAL_VARIANCE) {
            return normal(draws * share, variance, lo, hi, rng);
        }
        if (population > HUGE_N) {
            return Math.max(lo, Math.min(hi, binomial(draws, share, rng)));
        }
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
        return normal(mean, variance, 1, Math.min(bins, balls), rng);
    }

    /** Poisson by chop-down inversion from the mode (mean at most about 1e6 here). */
    private static long poisson(double mean, RandomGenerator rng) {
        long mode = (long) Math.floor(mean);
        double atMode = Math.exp(mode * Math.log(mean) - mean - logFactorial(mode));
        double u = rng.nextDouble() - atMode;
        if (u <= 0) {
            return mode;
        }
        long up = mode;
        long down = mode;
        double pUp = atMode;
        double pDown = atMode;
        while (true) {
            pUp *= mean / (up + 1);
            up++;
            u -= pUp;
            if (u <= 0) {
                return up;
            }
            if (down > 0) {
                pDown *= down / mean;
                down--;
                u -= pDown;
                if (u <= 0) {
                    return down;
                }
            } else if (pUp == 0) {
                return mode;
            }
        }
    }

    /** The normal law with the given moments, randomly rounded to an integer in [lo, hi]. */
    private static long normal(double mean, double variance, long lo, long hi, RandomGenerator rng) {
        double x = mean + Math.sqrt(variance) * rng.nextGaussian();
        long floor = (long) Math.floor(x);
        long value = floor + (rng.nextDouble() < x - floor ? 1 : 0);
        return Math.max(lo, Math.min(hi, value));
    }

    private static double logChoose(long n, long k) {
        if (k == 0 || k == n) {
            return 0;
        }
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    /** ln(n!): from the table when it holds n, else log-gamma (the same value the table stores). */
    static double logFactorial(long n) {
        return n < LOG_FACTORIAL_TABLE ? LOG_FACTORIAL[(int) n] : Gamma.logGamma(n + 1.0);
    }

    private static double[] logFactorials(int size) {
        double[] table = new double[size];
        for (int k = 0; k < size; k++) {
            table[k] = Gamma.logGamma(k + 1.0);
        }
        return table;
    }
}
