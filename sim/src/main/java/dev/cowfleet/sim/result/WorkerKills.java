package dev.cowfleet.sim.result;

/**
 * Workers killed per replication, on average: by the kernel's OOM killer when the host ran out of
 * RAM, and by the process manager's harakiri/timeout.
 */
public record WorkerKills(double oomKills, double harakiriKills) {
}
