package dev.cowfleet.models.workload;

import dev.cowfleet.models.runtime.ModelInputException;

/** A constant arrival rate. */
public record FlatTraffic(double requestsPerSecond) implements Traffic {
    public FlatTraffic {
        ModelInputException.requireNonNegative("workload.requestsPerSecond", requestsPerSecond);
    }

    @Override
    public double rate(double t) {
        return requestsPerSecond;
    }

    @Override
    public double integral(double from, double to) {
        return requestsPerSecond * (to - from);
    }

    @Override
    public double timeWhenIntegralReaches(double from, double area) {
        if (area <= 0) {
            return from;
        }
        return requestsPerSecond == 0 ? Double.POSITIVE_INFINITY : from + area / requestsPerSecond;
    }
}
