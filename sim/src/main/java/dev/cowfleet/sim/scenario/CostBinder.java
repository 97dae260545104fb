package dev.cowfleet.sim.scenario;

import java.util.List;

/**
 * Binds the {@code costs} section. The copy-on-write fault default is the PRIMER §5 measurement (15-23 µs per
 * 4 KiB fault on a VM); the per-object and baseline defaults are inferred estimates, marked so in the README.
 */
final class CostBinder {

    static final List<String> KEYS = List.of("cowFault", "gcPerObject", "teardownPerObject", "workerBaseline");

    private CostBinder() {
    }

    static CostSpec bind(Section s) {
        return new CostSpec(
                s.optional("cowFault", Kinds.DURATION, 20e-6, "default"),
                s.optional("gcPerObject", Kinds.DURATION, 20e-9, "default"),
                s.optional("teardownPerObject", Kinds.DURATION, 60e-9, "default"),
                s.optional("workerBaseline", Kinds.SIZE, 12L * 1024 * 1024, "default"));
    }
}
