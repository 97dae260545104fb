package dev.cowfleet.sim.host;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Beta(a, b) variates by R.C.H. Cheng's rejection algorithms ("Generating beta variates with
 * nonintegral shape parameters", CACM 21(4), 1978): BB when both shapes exceed 1, BC otherwise.
 *
 * <p>A milestone draws one of these at almost every served batch; a library distribution object per
 * draw cost more than the draw itself, so this keeps no state, allocates nothing and takes its
 * uniforms from the caller's stream.
 */
final class BetaVariate {
    /** 1 + ln 5: BB's quick acceptance bound. */
    private static final double ONE_PLUS_LN_5 = 1.0 + Math.log(5.0);
    private static final double LN_4 = Math.log(4.0);

    private BetaVariate() {
    }

    static double sample(double a, double b, RandomGenerator random) {
        return Math.min(a, b) > 1.0 ? bb(a, b, random) : bc(a, b, random);
    }

    /** Algorithm BB, for min(a, b) > 1. */
    private static double bb(double a0, double b0, RandomGenerator random) {
        double a = Math.min(a0, b0);
        double b = Math.max(a0, b0);
        double alpha = a + b;
        double beta = Math.sqrt((alpha - 2.0) / (2.0 * a * b - alpha));
        double gamma = a + 1.0 / beta;
        while (true) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            double v = beta * Math.log(u1 / (1.0 - u1));
            double w = a * Math.exp(v);
            double z = u1 * u1 * u2;
            double r = gamma * v - LN_4;
            double s = a + r - w;
            if (s + ONE_PLUS_LN_5 >= 5.0 * z) {
                return deliver(a == a0, w, b);
            }
            double t = Math.log(z);
            if (s > t || r + alpha * Math.log(alpha / (b + w)) >= t) {
                return deliver(a == a0, w, b);
            }
        }
    }

    /** Algorithm BC, for min(a, b) <= 1. */
    private static double bc(double a0, double b0, RandomGenerator random) {
        double a = Math.max(a0, b0);
        double b = Math.min(a0, b0);
        double alpha = a + b;
        double beta = 1.0 / b;
        double delta = 1.0 + a - b;
        double k1 = delta * (0.0138889 + 0.0416667 * b) / (a * beta - 0.777778);
        double k2 = 0.25 + (0.5 + 0.25 / delta) * b;
        while (true) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            double z;
            if (u1 < 0.5) {
                double y = u1 * u2;
                z = u1 * y;
                if (0.25 * u2 + z - y >= k1) {
                    continue;
                }
            } else {
                z = u1 * u1 * u2;
                if (z <= 0.25) {
                    double v = beta * Math.log(u1 / (1.0 - u1));
                    return deliver(a == a0, a * Math.exp(v), b);
                }
                if (z >= k2) {
                    continue;
                }
            }
            double v = beta * Math.log(u1 / (1.0 - u1));
            double w = a * Math.exp(v);
            if (alpha * (Math.log(alpha / (b + w)) + v) - LN_4 >= Math.log(z)) {
                return deliver(a == a0, w, b);
            }
        }
    }

    /**
     * X = W / (b + W) when the sampled shape a is the first one asked for, else its mirror
     * b / (b + W); written so that W = 0 or an overflowed W gives 0 or 1 rather than NaN.
     */
    private static double deliver(boolean unswapped, double w, double b) {
        return unswapped ? 1.0 / (1.0 + b / w) : 1.0 / (1.0 + w / b);
    }
}
