package dev.cowfleet.sim.engine;

/**
 * Time average of a piecewise-constant quantity (here the M/M/1 check's queue length): each value
 * counts for as long as it held, not once per change. O(1) memory. Test code: the host simulation
 * samples on a fixed grid instead.
 *
 * <p>Not mergeable: a time average belongs to one trajectory. Combine per-run averages with a
 * {@link Tally} or {@link ReplicationStats}.
 */
final class TimeWeighted {

    private final double startTime;
    private double lastTime;
    private double value;
    private double area;
    private double min;
    private double max;

    /** The quantity holds {@code initialValue} from {@code startTime} on. */
    TimeWeighted(double startTime, double initialValue) {
        if (!Double.isFinite(startTime) || !Double.isFinite(initialValue)) {
            throw new IllegalArgumentException("time-weighted start (" + startTime + ", " + initialValue
                    + ") is invalid: expected a finite time and value");
        }
        this.startTime = startTime;
        this.lastTime = startTime;
        this.value = initialValue;
        this.min = initialValue;
        this.max = initialValue;
    }

    /** The quantity changes to {@code newValue} at {@code time} (not before the last change). */
    void update(double time, double newValue) {
        checkTime(time);
        if (!Double.isFinite(newValue)) {
            throw new IllegalArgumentException(
                    "time-weighted value " + newValue + " at t=" + time + " is invalid: expected a finite number");
        }
        area += value * (time - lastTime);
        lastTime = time;
        value = newValue;
        min = Math.min(min, newValue);
        max = Math.max(max, newValue);
    }

    /** The current value. */
    double value() {
        return value;
    }

    /** Integral of the quantity over [start, {@code until}]. */
    double integral(double until) {
        checkTime(until);
        return area + value * (until - lastTime);
    }

    /** Time average over [start, {@code until}]; NaN over an empty interval. */
    double mean(double until) {
        double duration = until - startTime;
        double integral = integral(until);
        return duration == 0 ? Double.NaN : integral / duration;
    }

    /** Smallest value held so far (including the initial value). */
    double min() {
        return min;
    }

    /** Largest value held so far (including the initial value). */
    double max() {
        return max;
    }

    private void checkTime(double time) {
        if (!(time >= lastTime) || time == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("time " + time
                    + " is invalid: expected a finite time >= the last change (" + lastTime + ")");
        }
    }
}
