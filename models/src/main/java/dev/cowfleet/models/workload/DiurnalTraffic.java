package dev.cowfleet.models.workload;

import dev.cowfleet.models.runtime.ModelInputException;

/**
 * A daily sine: {@code rate(t) = mean * (1 + a * cos(2 pi (t - peak) / day))} with the amplitude
 * {@code a = (r - 1) / (r + 1)} chosen so that peak / trough = r.
 *
 * @param meanRequestsPerSecond the daily mean rate
 * @param peakToTrough          peak rate / trough rate (>= 1)
 * @param peakSecondOfDay       when the peak falls, seconds after midnight of simulated day 0
 */
public record DiurnalTraffic(double meanRequestsPerSecond, double peakToTrough, double peakSecondOfDay) implements Traffic {
    private static final double DAY = 86_400;
    private static final double OMEGA = 2 * Math.PI / DAY;

    public DiurnalTraffic {
        ModelInputException.requireNonNegative("workload.requestsPerSecond", meanRequestsPerSecond);
        if (!(peakToTrough >= 1) || Double.isInfinite(peakToTrough)) {
            throw new ModelInputException("workload.diurnal.peakToTrough must be a finite number >= 1, got " + peakToTrough);
        }
        ModelInputException.requireNonNegative("workload.diurnal.peakHour", peakSecondOfDay);
    }

    /** The rate at the peak of the day. */
    public double peakRate() {
        return meanRequestsPerSecond * (1 + amplitude());
    }

    private double amplitude() {
        return (peakToTrough - 1) / (peakToTrough + 1);
    }

    @Override
    public double rate(double t) {
        return meanRequestsPerSecond * (1 + amplitude() * Math.cos(OMEGA * (t - peakSecondOfDay)));
    }

    @Override
    public double integral(double from, double to) {
        double a = amplitude();
        return meanRequestsPerSecond * ((to - from)
                + a / OMEGA * (Math.sin(OMEGA * (to - peakSecondOfDay)) - Math.sin(OMEGA * (from - peakSecondOfDay))));
    }

    /**
     * Newton's method on the integral, which is strictly increasing when the trough rate is
     * positive; bracketed so it always converges.
     */
    @Override
    public double timeWhenIntegralReaches(double from, double area) {
        if (area <= 0) {
            return from;
        }
        if (meanRequestsPerSecond == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = from;
        double trough = meanRequestsPerSecond * (1 - amplitude());
        double hi = from + area / Math.max(trough, 1e-300);
        double t = from + area / meanRequestsPerSecond;
        for (int i = 0; i < 100; i++) {
            double f = integral(from, t) - area;
            if (Math.abs(f) <= 1e-9 * Math.max(1, area)) {
                return t;
            }
            if (f > 0) {
                hi = t;
            } else {
                lo = t;
            }
            double next = t - f / rate(t);
            t = next > lo && next < hi ? next : (lo + hi) / 2;
        }
        return t;
    }
}
