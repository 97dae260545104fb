package dev.cowfleet.sim.engine;

/** Simulated time, in seconds since the start of a run. Never the wall clock. */
@FunctionalInterface
public interface Clock {
    /** The current simulated time in seconds. */
    double now();
}
