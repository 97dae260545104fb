package dev.cowfleet.sim.fleet;

import dev.cowfleet.sim.host.HostRunResult;
import java.util.List;

/**
 * A policy on a host type at its planned worker count, with the host runs (one per replication)
 * that verified it against the RAM budget.
 */
record Sizing(int hostType, int workers, double budgetBytes, List<HostRunResult> runs, List<String> warnings) {
}
