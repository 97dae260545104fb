package dev.cowfleet.sim.result;

/**
 * A figure estimated over independent replications: its mean and a 95% confidence interval
 * (Student t). With one replication there is no spread to estimate, so there is no interval: its bounds
 * are NaN, which reports print as "n/a" and summary.json as null, never as a made-up "±0".
 */
public record Estimate(double mean, double ci95Low, double ci95High) {
    /** A mean from a single replication: no interval. */
    public static Estimate withoutInterval(double mean) {
        return new Estimate(mean, Double.NaN, Double.NaN);
    }

    public boolean hasInterval() {
        return !Double.isNaN(ci95Low) && !Double.isNaN(ci95High);
    }

    /** The half-width, or 0 where there is none: what a chart's whisker can draw. */
    public double drawableHalfWidth() {
        return hasInterval() ? (ci95High - ci95Low) / 2 : 0;
    }
}
