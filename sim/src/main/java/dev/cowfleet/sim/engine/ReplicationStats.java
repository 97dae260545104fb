package dev.cowfleet.sim.engine;

import java.io.Serializable;

/**
 * One figure (e.g. mean private memory per worker) observed once per independent replication,
 * summarised as a mean with a Student t confidence interval. Replications are independent by
 * construction (their streams have different keys), which is what makes the interval valid;
 * observations within one run are not, so they belong in a {@link Tally} first.
 */
public final class ReplicationStats implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Moments moments = new Moments();

    /** Records the figure of one replication. */
    public void add(double replicationValue) {
        moments.add(replicationValue);
    }

    /** Adds the replications recorded by {@code other} (e.g. by another task). */
    public void merge(ReplicationStats other) {
        moments.merge(other.moments);
    }

    public long replications() {
        return moments.count();
    }

    public double mean() {
        return moments.mean();
    }

    public double standardDeviation() {
        return moments.standardDeviation();
    }

    /** The two-sided interval at {@code level}, e.g. 0.95. */
    public ConfidenceInterval confidenceInterval(double level) {
        return ConfidenceInterval.studentT(moments, level);
    }
}
