package dev.cowfleet.sim.calibrate;

/**
 * The header of {@code heap.yaml}: which master was measured. The section itself is the one
 * {@link ScenarioWriter} writes, with every measured heap key.
 */
public final class HeapFragment {
    private HeapFragment() {
    }

    public static String yaml(ProbeReport report) {
        InheritedCounters counters = InheritedCounters.of(report);
        StringBuilder out = new StringBuilder();
        out.append("# Heap of a master that preloaded '").append(report.preload()).append("' on Python ")
                .append(report.python().version()).append(", measured by `cowfleet calibrate`.\n");
        out.append("# longLivedPending includes the master's young objects, which a worker's first\n");
        out.append("# generation-1 collection promotes (").append(counters.method()).append(").\n");
        return out.toString();
    }
}
