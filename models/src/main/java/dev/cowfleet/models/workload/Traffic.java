package dev.cowfleet.models.workload;

/**
 * Request arrival rate over simulated time (seconds), with its integral so that request counts
 * between events are one Poisson draw on the integrated rate.
 */
public interface Traffic {
    /** Requests per second at time {@code t}. */
    double rate(double t);

    /** Expected requests in {@code [from, to]}. */
    double integral(double from, double to);

    /** The time {@code t >= from} at which {@code integral(from, t) == area}; +infinity if never. */
    double timeWhenIntegralReaches(double from, double area);
}
