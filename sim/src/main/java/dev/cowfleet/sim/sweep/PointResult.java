package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.result.RunResult;

/** What one grid point (or one tornado run) found for every policy. */
public record PointResult(SweepPoint point, RunResult result) {
}
