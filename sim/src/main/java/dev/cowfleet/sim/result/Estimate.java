package dev.cowfleet.sim.result;

/**
 * A figure estimated over independent replications: its mean and a 95% confidence interval
 * (Student t). With one replication the interval collapses to the mean.
 */
public record Estimate(double mean, double ci95Low, double ci95High) {
    public static Estimate exact(double value) {
        return new Estimate(value, value, value);
    }
}
