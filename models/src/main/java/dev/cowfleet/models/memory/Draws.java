package dev.cowfleet.models.memory;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * Exact binomial and hypergeometric samplers driven by the caller's generator, in O(1) expected
 * time and without allocating.
 *
 * <p>Below a mean of {@value #SMALL_MEAN} both invert the distribution function from 0 with the
 * exact pmf ratios (a few steps). Above it they use rejection from a hat over the pmf, accepted by
 * the exact pmf ratio to the mode, so the cost does not grow with the standard deviation (inversion
 * from the mode took O(sd) steps, which dominated the simulation's run time):
 * <ul>
 *   <li>binomial: Hörmann's transformed rejection with squeeze, BTRS (W. Hörmann, "The generation
 *       of binomial random variates", J. Statist. Comput. Simul. 46, 1993), the binomial sibling of
 *       the Poisson sampler the host simulation uses; the log pmf ratio is written with Stirling
 *       remainders so that it keeps its precision for any number of trials;</li>
 *   <li>hypergeometric: Stadlober's ratio of uniforms, HRUA (E. Stadlober, "Sampling from Poisson,
 *       binomial and hypergeometric distributions: ratio of uniforms as a simple and fast
 *       alternative", 1989), on the problem reduced by symmetry to at most half the population drawn
 *       and at most half of it successes.</li>
 * </ul>
 */
public final class Draws {
    /** Below this mean, inversion from zero; at or above it, rejection (BTRS needs n·p >= 10). */
    private static final double SMALL_MEAN = 10;
    /** Up to this many balls, occupancy is simulated ball by ball. */
    private static final long EXACT_OCCUPANCY_BALLS = 64;
    /**
     * ln(k!) for k below this, looked up rather than recomputed: populations are page counts, and a
     * hypergeometric draw needs four of them per trial. 2^17 entries (1 MiB) cover every page count
     * of a 512 MiB heap of 4 KiB pages.
     */
    private static final int LOG_FACTORIAL_TABLE = 1 << 17;
    /** ln(k!) = Gamma.logGamma(k + 1), bit for bit, so a lookup draws exactly what the call would. */
    private static final double[] LOG_FACTORIAL = logFactorials(LOG_FACTORIAL_TABLE);
    /**
     * Occupancy's per-bin logarithms for bin counts below this, looked up rather than recomputed
     * (log1p is not an intrinsic, and a worker's first batches ask for a dozen classes' each): bit
     * for bit the expressions they replace. Bins are page counts, so this covers a 512 MiB heap.
     */
    private static final int OCCUPANCY_TABLE = 1 << 17;
    /** ln(1 − 1/c): a given bin missed by one ball. */
    private static final double[] LOG_MISS_ONE = new double[OCCUPANCY_TABLE];
    /** ln(1 − 2/c) − 2·ln(1 − 1/c): how much likelier two bins are to stay empty together than apart, per ball. */
    private static final double[] PAIR_EXCESS = new double[OCCUPANCY_TABLE];

    static {
        for (int b = 2; b < OCCUPANCY_TABLE; b++) {
            double c = b;
            LOG_MISS_ONE[b] = Math.log1p(-1 / c);
            PAIR_EXCESS[b] = Math.log1p(-2 / c) - 2 * LOG_MISS_ONE[b];
        }
        LOG_MISS_ONE[1] = Math.log1p(-1.0);
    }
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Stirling remainders for k below 10, where the series is not yet accurate. */
    private static final double[] SMALL_STIRLING_REMAINDER = smallStirlingRemainders(10);
    /** HRUA's hat: 2·sqrt(2/e) and 3 − 2·sqrt(3/e). */
    private static final double HAT_SCALE = 2 * Math.sqrt(2 / Math.E);
    private static final double HAT_OFFSET = 3 - 2 * Math.sqrt(3 / Math.E);

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
        return n * p < SMALL_MEAN ? binomialByInversion(n, p, rng) : binomialByRejection(n, p, rng);
    }

    private static long binomialByInversion(long n, double p, RandomGenerator rng) {
        double odds = p / (1 - p);
        double pmf = Math.exp(n * Math.log1p(-p));
        double u = rng.nextDouble();
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

    /** BTRS for p <= 1/2 and n·p >= 10. */
    private static long binomialByRejection(long n, double p, RandomGenerator rng) {
        double q = 1 - p;
        double sd = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * sd;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * sd;
        double odds = p / q;
        long mode = (long) ((n + 1) * p);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            double x = (2 * a / us + b) * u + c;
            if (x < 0 || x >= n + 1.0) {
                continue;
            }
            long k = (long) x; // x >= 0: truncation is the floor
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (Math.log(v * alpha / (a / (us * us) + b)) <= binomialLogRatio(n, odds, mode, k)) {
                return k;
            }
        }
    }

    /**
     * ln(f(k) / f(m)) for the binomial pmf f with odds r = p/q: ln(m!(n−m)!/(k!(n−k)!)) + (k−m)·ln r,
     * with each ln x! written as (x + 1/2)·ln(x + 1) − (x + 1) + ln sqrt(2π) + remainder(x): the large
     * terms cancel exactly, so no difference of two huge log-factorials is ever formed.
     */
    private static double binomialLogRatio(long n, double odds, long m, long k) {
        return (m + 0.5) * Math.log((m + 1) / (odds * (n - m + 1)))
                + (n + 1) * Math.log1p((double) (k - m) / (n - k + 1))
                + (k + 0.5) * Math.log(odds * (n - k + 1) / (k + 1))
                + stirlingRemainder(m) + stirlingRemainder(n - m) - stirlingRemainder(k) - stirlingRemainder(n - k);
    }

    /** ln(k!) − [(k + 1/2)·ln(k + 1) − (k + 1) + ln sqrt(2π)]: a table below 10, the Stirling series above. */
    private static double stirlingRemainder(long k) {
        if (k < SMALL_STIRLING_REMAINDER.length) {
            return SMALL_STIRLING_REMAINDER[(int) k];
        }
        double x = k + 1.0;
        double x2 = x * x;
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / x2) / x2) / x;
    }

    private static double[] smallStirlingRemainders(int size) {
        double[] table = new double[size];
        for (int k = 0; k < size; k++) {
            table[k] = Gamma.logGamma(k + 1.0) - ((k + 0.5) * Math.log(k + 1.0) - (k + 1) + HALF_LOG_TWO_PI);
        }
        return table;
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
        // by symmetry: draw at most half the population, and count whichever kind is rarer
        long drawn = Math.min(draws, population - draws);
        long rare = Math.min(successes, population - successes);
        double mean = (double) drawn * rare / population;
        long x = mean < SMALL_MEAN ? hypergeometricByInversion(population, rare, drawn, rng)
                : hypergeometricByRejection(population, rare, drawn, mean, rng);
        if (rare < successes) {
            x = drawn - x;
        }
        return drawn < draws ? successes - x : x;
    }

    /** Inversion from 0 for {@code drawn} and {@code rare} at most half the population. */
    private static long hypergeometricByInversion(long population, long rare, long drawn, RandomGenerator rng) {
        long common = population - rare;
        double pmf = Math.exp(logFactorial(common) + logFactorial(population - drawn)
                - logFactorial(population) - logFactorial(common - drawn));
        long most = Math.min(rare, drawn);
        double u = rng.nextDouble();
        long x = 0;
        while (true) {
            u -= pmf;
            if (u <= 0 || x >= most) {
                return x;
            }
            pmf *= (double) (rare - x) * (drawn - x) / ((x + 1.0) * (common - drawn + x + 1.0));
            x++;
            if (pmf == 0) {
                return x - 1;
            }
        }
    }

    /**
     * HRUA for {@code drawn} and {@code rare} at most half the population: a point (u, v) uniform
     * under a table-mountain hat centred on the mean gives x = mean + 1/2 + width·(v − 1/2)/u,
     * accepted when u² <= f(x)/f(mode), with a squeeze on each side of ln u² to skip most logarithms.
     */
    private static long hypergeometricByRejection(long population, long rare, long drawn, double mean,
                                                  RandomGenerator rng) {
        long common = population - rare;
        double share = (double) rare / population;
        double variance = (population - drawn) * drawn * share * (1 - share) / (population - 1);
        double sd = Math.sqrt(variance + 0.5);
        double centre = mean + 0.5;
        double width = HAT_SCALE * sd + HAT_OFFSET;
        long mode = (long) ((drawn + 1.0) * (rare + 1.0) / (population + 2.0));
        double atMode = hypergeometricLogWeight(mode, rare, drawn, common);
        // beyond 16 standard deviations the pmf is below double precision relative to the mode
        double end = Math.min(Math.min(drawn, rare) + 1.0, (long) (centre + 16 * sd));
        while (true) {
            double u = rng.nextDouble();
            double v = rng.nextDouble();
            double x = centre + width * (v - 0.5) / u;
            if (x < 0 || x >= end) {
                continue;
            }
            long k = (long) x; // x >= 0: truncation is the floor
            double t = atMode - hypergeometricLogWeight(k, rare, drawn, common);
            if (u * (4 - u) - 3 <= t) {
                return k; // 2·ln u <= u(4 − u) − 3
            }
            if (u * (u - t) >= 1) {
                continue; // 2·ln u >= u − 1/u
            }
            if (2 * Math.log(u) <= t) {
                return k;
            }
        }
    }

    /** −ln f(k) up to a constant: ln k! + ln(rare − k)! + ln(drawn − k)! + ln(common − drawn + k)!. */
    private static double hypergeometricLogWeight(long k, long rare, long drawn, long common) {
        return logFactorial(k) + logFactorial(rare - k) + logFactorial(drawn - k) + logFactorial(common - drawn + k);
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
            // Ball by ball, with a uniform per collision rather than per ball: with h bins hit, the
            // next j balls all find empty bins with probability (1 − h/c)(1 − (h+1)/c)…, so one
            // uniform u places the next collision at the first ball where that product falls to u
            // or below (inversion), and the balls before it each hit a new bin.
            long hit = 0;
            long thrown = 0;
            while (thrown < balls && hit < bins) {
                double u = rng.nextDouble();
                double allNew = 1;
                while (thrown < balls) {
                    thrown++;
                    allNew *= (double) (bins - hit) / bins;
                    if (u >= allNew) {
                        break; // this ball lands in a bin already hit
                    }
                    hit++;
                }
            }
            return hit;
        }
        double c = bins;
        double logMissOne = bins < OCCUPANCY_TABLE ? LOG_MISS_ONE[(int) bins] : Math.log1p(-1 / c);
        double hitOne = -Math.expm1(balls * logMissOne); // a given bin is hit
        double a1 = 1 - hitOne; // it stays empty: absolute error 1e-16, negligible against c·a1
        double mean = c * hitOne;
        // a2 (two given bins stay empty) = a1² + cross, with cross formed without cancellation
        double cross = bins == 1 ? -a1 * a1
                : a1 * a1 * Math.expm1(balls * (bins < OCCUPANCY_TABLE ? PAIR_EXCESS[(int) bins]
                        : Math.log1p(-2 / c) - 2 * logMissOne));
        double a2 = a1 * a1 + cross;
        double variance = Math.max(0, c * c * cross + c * (a1 - a2));
        return normal(mean, variance, 1, Math.min(bins, balls), rng);
    }

    /** The normal law with the given moments, randomly rounded to an integer in [lo, hi]. */
    private static long normal(double mean, double variance, long lo, long hi, RandomGenerator rng) {
        double x = mean + Math.sqrt(variance) * rng.nextGaussian();
        long floor = (long) Math.floor(x);
        long value = floor + (rng.nextDouble() < x - floor ? 1 : 0);
        return Math.max(lo, Math.min(hi, value));
    }

    /**
     * ln(n!): from the table when it holds n (bit for bit commons-math3's log-gamma), else Stirling's
     * series, whose remainder past 2^17 is below 1e-38 (a quarter of the cost of log-gamma there).
     */
    public static double logFactorial(long n) {
        if (n < LOG_FACTORIAL_TABLE) {
            return LOG_FACTORIAL[(int) n];
        }
        return (n + 0.5) * Math.log(n + 1.0) - (n + 1) + HALF_LOG_TWO_PI + stirlingRemainder(n);
    }

    private static double[] logFactorials(int size) {
        double[] table = new double[size];
        for (int k = 0; k < size; k++) {
            table[k] = Gamma.logGamma(k + 1.0);
        }
        return table;
    }
}
