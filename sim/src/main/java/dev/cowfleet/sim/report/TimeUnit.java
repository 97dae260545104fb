package dev.cowfleet.sim.report;

/**
 * The unit a time axis is labelled in, chosen from the span it shows so that ticks read as
 * "20 min" or "6 h" rather than "72000 s".
 *
 * @param symbol         unit symbol shown in the axis label
 * @param secondsPerUnit seconds in one unit
 */
record TimeUnit(String symbol, double secondsPerUnit) {
    static final TimeUnit SECONDS = new TimeUnit("s", 1);
    static final TimeUnit MINUTES = new TimeUnit("min", 60);
    static final TimeUnit HOURS = new TimeUnit("h", 3600);

    /** Switches unit once a span holds at least two of the larger unit. */
    static TimeUnit forSpan(double seconds) {
        if (seconds >= 2 * HOURS.secondsPerUnit) {
            return HOURS;
        }
        return seconds >= 2 * MINUTES.secondsPerUnit ? MINUTES : SECONDS;
    }

    /** The time of a series' last sample, or 0 for an empty series: the span a time axis must show. */
    static double lastSample(double[] seconds) {
        return seconds.length == 0 ? 0 : seconds[seconds.length - 1];
    }

    double of(double seconds) {
        return seconds / secondsPerUnit;
    }

    String label(String quantity) {
        return quantity + " (" + symbol + ")";
    }
}
