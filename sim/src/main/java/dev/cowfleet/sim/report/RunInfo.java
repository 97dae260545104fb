package dev.cowfleet.sim.report;

import java.util.Objects;

/**
 * How a run was executed, as opposed to what it found: everything that may differ between two runs
 * of the same scenario and seed, and therefore must stay out of summary.json.
 *
 * @param wallSeconds wall-clock seconds the simulation took
 * @param threads     worker threads the execution engine used
 * @param engine      name of the execution engine, e.g. "local"
 * @param version     cowfleet version that produced the output
 */
public record RunInfo(double wallSeconds, int threads, String engine, String version) {
    public RunInfo {
        if (!(wallSeconds >= 0)) {
            throw new IllegalArgumentException("run info: wallSeconds must be a number >= 0, got " + wallSeconds);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("run info: threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(version, "version");
    }
}
