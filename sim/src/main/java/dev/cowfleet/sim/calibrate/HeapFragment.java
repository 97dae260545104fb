package dev.cowfleet.sim.calibrate;

import dev.cowfleet.sim.scenario.Units;

import java.util.List;

/**
 * The scenario {@code heap:} section for a measured master, in the binding schema with units, to paste
 * into any scenario. {@code heapSize} is the master's anonymous memory at fork (all of it is inherited
 * and can be copied); {@code trackedPages} is the count of 4 KiB pages holding a GC header.
 */
public final class HeapFragment {
    private HeapFragment() {
    }

    public static String yaml(ProbeReport report) {
        ProbeReport.HeapFacts heap = report.heap();
        InheritedCounters counters = InheritedCounters.of(report);
        StringBuilder out = new StringBuilder();
        out.append("# Heap of a master that preloaded '").append(report.preload()).append("' on Python ")
                .append(report.python().version()).append(", measured by `cowfleet calibrate`.\n");
        out.append("# longLivedPending includes the master's young objects, which a worker's first\n");
        out.append("# generation-1 collection promotes (").append(counters.method()).append(").\n");
        out.append("heap:\n");
        out.append("  measured:\n");
        line(out, 4, "heapSize", Units.formatSize(heap.anonymousBytesAtFork()));
        line(out, 4, "trackedPages", String.valueOf(heap.trackedPages()));
        line(out, 4, "trackedObjects", String.valueOf(heap.trackedObjects()));
        line(out, 4, "totalObjects", String.valueOf(heap.totalObjects()));
        line(out, 4, "frozenObjects", String.valueOf(heap.frozenObjects()));
        line(out, 4, "mainObjects", String.valueOf(heap.mainObjects()));
        out.append("  gcCounters:\n");
        List<Long> count = report.gc().countAtFork();
        line(out, 4, "count0", String.valueOf(count.get(0)));
        line(out, 4, "count1", String.valueOf(count.get(1)));
        line(out, 4, "count2", String.valueOf(count.get(2)));
        line(out, 4, "longLivedTotal", String.valueOf(counters.longLivedTotal()));
        line(out, 4, "longLivedPending", String.valueOf(counters.longLivedPending()));
        return out.toString();
    }

    private static void line(StringBuilder out, int indent, String key, String value) {
        out.append(" ".repeat(indent)).append(key).append(": ").append(value).append('\n');
    }
}
