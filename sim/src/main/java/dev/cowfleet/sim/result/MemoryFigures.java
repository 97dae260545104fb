package dev.cowfleet.sim.result;

/** A memory quantity summarised over time and replications, in MiB. */
public record MemoryFigures(Estimate mean, double p95, double p99, double max) {
}
