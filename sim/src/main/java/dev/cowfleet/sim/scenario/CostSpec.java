package dev.cowfleet.sim.scenario;

/**
 * Unit costs of the mechanisms.
 *
 * @param cowFaultSeconds          CPU per 4 KiB copy-on-write fault
 * @param gcPerObjectSeconds       CPU per object a collection visits
 * @param teardownPerObjectSeconds CPU per object freed at interpreter teardown
 * @param workerBaselineBytes      private memory of a freshly forked worker
 */
public record CostSpec(double cowFaultSeconds, double gcPerObjectSeconds, double teardownPerObjectSeconds,
                       long workerBaselineBytes) {
}
