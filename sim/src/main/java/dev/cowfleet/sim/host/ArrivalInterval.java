package dev.cowfleet.sim.host;

import dev.cowfleet.models.workload.Traffic;

/**
 * The current arrival interval of a host, measured in integrated-rate units: converts between
 * instants and positions (0 at the interval's start, 1 at its end) for every slot's
 * {@link ArrivalWindow}.
 *
 * <p>All the slots, and every reading of them, ask the position of the same instant in turn (an
 * interval end, a sample), so the last answer is kept: integrating the traffic once per instant
 * instead of once per slot, with the same result since it is a function of the interval and the
 * instant only.
 */
final class ArrivalInterval {
    private final Traffic traffic;
    private double start;
    private double area;
    private double askedTime = Double.NaN;
    private double askedPosition;

    ArrivalInterval(Traffic traffic) {
        this.traffic = traffic;
    }

    /** Starts the interval [start, end]; returns its expected requests (the integrated rate). */
    double open(double start, double end) {
        this.start = start;
        this.area = traffic.integral(start, end);
        askedTime = Double.NaN;
        return area;
    }

    double positionAt(double time) {
        if (time != askedTime) {
            askedPosition = area > 0 ? traffic.integral(start, time) / area : 1.0;
            askedTime = time;
        }
        return askedPosition;
    }

    double timeAt(double position) {
        return traffic.timeWhenIntegralReaches(start, position * area);
    }
}
