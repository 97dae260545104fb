package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.workload.CostModel;

/**
 * Unit costs of the mechanisms: the {@code costs} section, with the model's defaults
 * ({@link CostModel#defaults()}). The copy-on-write fault default is the PRIMER §5 measurement (15-23 µs per
 * 4 KiB fault on a VM); the per-object and baseline defaults are inferred estimates, marked so in the README.
 *
 * @param cowFaultSeconds          CPU per 4 KiB copy-on-write fault
 * @param gcPerObjectSeconds       CPU per object a collection visits
 * @param teardownPerObjectSeconds CPU per object freed at interpreter teardown
 * @param workerBaselineBytes      private memory of a freshly forked worker
 */
public record CostSpec(double cowFaultSeconds, double gcPerObjectSeconds, double teardownPerObjectSeconds,
                       long workerBaselineBytes) {

    private static final CostModel DEFAULTS = CostModel.defaults();

    static final Keys KEYS = new Keys();
    private static final Key.Value<Double> COW_FAULT = KEYS.optional("cowFault", Kinds.DURATION,
            DEFAULTS.cowFaultSeconds(), "CPU time of one 4 KiB copy-on-write fault.");
    private static final Key.Value<Double> GC_PER_OBJECT = KEYS.optional("gcPerObject", Kinds.DURATION,
            DEFAULTS.gcSecondsPerObject(), "CPU time a collection spends per object it visits.");
    private static final Key.Value<Double> TEARDOWN_PER_OBJECT = KEYS.optional("teardownPerObject", Kinds.DURATION,
            DEFAULTS.teardownSecondsPerObject(), "CPU time interpreter teardown spends per object it frees.");
    private static final Key.Value<Long> WORKER_BASELINE = KEYS.optional("workerBaseline", Kinds.SIZE,
            DEFAULTS.workerBaselineBytes(), "Private memory of a freshly forked worker besides the heap.");

    static CostSpec read(Section s) {
        return new CostSpec(s.optional(COW_FAULT), s.optional(GC_PER_OBJECT), s.optional(TEARDOWN_PER_OBJECT),
                s.optional(WORKER_BASELINE));
    }
}
