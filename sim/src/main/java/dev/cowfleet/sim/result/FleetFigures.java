package dev.cowfleet.sim.result;

/**
 * Today's fleet (the host types' counts) running one policy, reduced over a common sampling grid.
 *
 * @param hosts          hosts in the fleet
 * @param oomKills       workers killed by the out-of-memory killer per simulated period, fleet-wide
 * @param peakMemoryTiB  highest fleet physical memory at any sample
 * @param overTime       columns "memoryTiB" and "hostsAboveThreshold" on the sampling grid
 */
public record FleetFigures(long hosts, Estimate oomKills, double peakMemoryTiB, TimeSeries overTime) {
}
