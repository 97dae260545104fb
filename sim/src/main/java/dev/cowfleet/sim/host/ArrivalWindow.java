package dev.cowfleet.sim.host;

import dev.cowfleet.models.memory.Draws;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The requests that reach one worker slot within one arrival interval, counted rather than
 * scheduled one by one.
 *
 * <p>At each interval boundary the slot draws how many requests arrive in the interval (a Poisson
 * count on the integrated arrival rate, drawn by the caller from the slot's arrival stream, so every
 * policy sees the same counts: common random numbers). Conditional on that count, the arrival
 * instants are independent and uniform on the interval measured in integrated-rate units; this class
 * keeps that conditional law exact while the simulation asks two questions:
 * <ul>
 *   <li>where does the k-th next request fall (the k-th order statistic of the remaining uniforms,
 *       a Beta draw), so that a milestone event can be scheduled there; and</li>
 *   <li>how many requests arrive before position q (a binomial split), so that a worker can be
 *       brought up to date at any event.</li>
 * </ul>
 * Positions are fractions of the interval's integrated rate, 0 at its start and 1 at its end.
 */
final class ArrivalWindow {
    private final RandomGenerator timing;
    private double position;
    private long remaining;
    private long milestoneRequests;
    private double milestonePosition;
    /** Counts changes of state, so that a reading knows whether its copy still starts here. */
    private long version;

    ArrivalWindow(RandomGenerator timing) {
        this.timing = timing;
    }

    /** Starts a new interval holding {@code arrivals} requests; any pending milestone is dropped. */
    void open(long arrivals) {
        version++;
        position = 0.0;
        remaining = arrivals;
        dropMilestone();
    }

    double position() {
        return position;
    }

    long remaining() {
        return remaining;
    }

    boolean hasMilestone() {
        return milestoneRequests > 0;
    }

    double milestonePosition() {
        return milestonePosition;
    }

    /**
     * Places a milestone at the {@code k}-th next request if it falls in this interval.
     *
     * @return true when it does; its position is then {@link #milestonePosition()}
     */
    boolean placeMilestone(long k) {
        dropMilestone();
        if (k < 1 || k > remaining) {
            return false;
        }
        version++;
        double u = BetaVariate.sample(k, remaining - k + 1.0, timing);
        milestoneRequests = k;
        milestonePosition = position + (1.0 - position) * u;
        return true;
    }

    /** Consumes exactly the requests up to and including the pending milestone; returns how many. */
    long reachMilestone() {
        if (!hasMilestone()) {
            throw new IllegalStateException("no milestone is pending");
        }
        version++;
        long served = milestoneRequests;
        remaining -= served;
        position = milestonePosition;
        dropMilestone();
        return served;
    }

    /**
     * Consumes the requests arriving up to position {@code q}, keeping a pending milestone at its
     * place: a q at or beyond the milestone consumes every request before it but never the milestone
     * request itself, which only {@link #reachMilestone()} consumes (an event at the milestone's very
     * instant may fire first).
     *
     * @return how many requests arrived in (position, q]
     */
    long advanceTo(double q) {
        if (q <= position) {
            return 0;
        }
        version++;
        long arrived;
        if (hasMilestone()) {
            // Given the k-th arrival at the milestone, the k-1 before it are uniform on (position, milestone).
            double fraction = Math.min(1.0, (q - position) / (milestonePosition - position));
            arrived = Draws.binomial(milestoneRequests - 1, fraction, timing);
            milestoneRequests -= arrived;
            q = Math.min(q, milestonePosition);
        } else {
            arrived = q >= 1.0 ? remaining : Draws.binomial(remaining, (q - position) / (1.0 - position), timing);
        }
        remaining -= arrived;
        position = Math.min(q, 1.0);
        return arrived;
    }

    long version() {
        return version;
    }

    /** Takes {@code other}'s state (not its draws): a reading then advances this copy with draws of its own. */
    void copyFrom(ArrivalWindow other) {
        position = other.position;
        remaining = other.remaining;
        milestoneRequests = other.milestoneRequests;
        milestonePosition = other.milestonePosition;
    }

    /** Forgets a pending milestone (its worker is gone); the requests stay where they were. */
    void dropMilestone() {
        version++;
        milestoneRequests = 0;
        milestonePosition = Double.NaN;
    }
}
