package dev.cowfleet.models.workload;

import dev.cowfleet.models.runtime.ModelInputException;

/**
 * CPU and memory costs (scenario {@code costs:}).
 *
 * @param cowFaultSeconds          per 4 KiB copy-on-write fault (PRIMER section 5: 15-23 us measured)
 * @param gcSecondsPerObject       per object a collection visits
 * @param teardownSecondsPerObject per object freed at interpreter teardown
 * @param workerBaselineBytes      private memory of a freshly forked worker
 */
public record CostModel(double cowFaultSeconds, double gcSecondsPerObject, double teardownSecondsPerObject,
                        long workerBaselineBytes) {
    public CostModel {
        ModelInputException.requireNonNegative("costs.cowFault", cowFaultSeconds);
        ModelInputException.requireNonNegative("costs.gcPerObject", gcSecondsPerObject);
        ModelInputException.requireNonNegative("costs.teardownPerObject", teardownSecondsPerObject);
        ModelInputException.requireNonNegative("costs.workerBaseline", workerBaselineBytes);
    }

    /** Defaults of the scenario schema: 20 us per fault, 20 ns per visited object, 60 ns per freed object, 12 MiB. */
    public static CostModel defaults() {
        return new CostModel(20e-6, 20e-9, 60e-9, 12L * 1024 * 1024);
    }
}
