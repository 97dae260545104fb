package dev.cowfleet.sim.host;

import java.util.TreeSet;

/**
 * The worker ages at which every worker is observed, dense early (the first full collection copies
 * most of what a worker will ever copy within seconds of the fork) and sparse later.
 */
final class WorkerAges {
    private static final double[] EARLY = {0, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 2700};
    private static final double HOUR = 3600;

    private WorkerAges() {
    }

    /** Ages up to {@code longest}, including {@code settle} (where "shared after fork" is read). */
    static double[] grid(double longest, double settle) {
        TreeSet<Double> ages = new TreeSet<>();
        for (double age : EARLY) {
            if (age <= longest) {
                ages.add(age);
            }
        }
        for (double age = HOUR; age <= longest; age += HOUR) {
            ages.add(age);
        }
        if (settle <= longest) {
            ages.add(settle);
        }
        return ages.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
