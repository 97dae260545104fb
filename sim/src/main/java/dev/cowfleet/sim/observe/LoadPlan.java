package dev.cowfleet.sim.observe;

/**
 * The open-loop load observe sends.
 *
 * @param arrivals how request times are laid out
 * @param rate     requests per second
 * @param seconds  how long the load runs
 * @param seed     fixes the arrival times (Poisson) and the requests drawn
 */
public record LoadPlan(Arrivals arrivals, double rate, double seconds, long seed) {
    /** Request times: Poisson, as independent users send them, or evenly spaced, as a replayer or a health checker does. */
    public enum Arrivals {
        POISSON, FIXED;

        /** Arrival times in seconds within {@code (0, seconds)}, at {@code rate} per second. */
        double[] times(double rate, double seconds, long seed) {
            return this == POISSON ? OpenLoopLoad.poissonArrivals(rate, seconds, seed) : fixed(rate, seconds);
        }

        /** Request k (from 0) at k / rate, while before the end: rate x seconds requests. */
        private static double[] fixed(double rate, double seconds) {
            int n = (int) Math.min(OpenLoopLoad.MAX_REQUESTS, Math.ceil(rate * seconds - 1e-9));
            double[] times = new double[n];
            for (int k = 0; k < n; k++) {
                times[k] = k / rate;
            }
            return times;
        }
    }
}
