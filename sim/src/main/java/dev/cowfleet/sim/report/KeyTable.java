package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.HostFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The key figures of every policy side by side, the table a reader compares policies with; shown by
 * {@code cowfleet compare} and at the top of report.html. Means carry their 95% confidence
 * half-width (Student t intervals are symmetric about the mean).
 */
final class KeyTable {
    static final String BASELINE_MARK = " (baseline)";

    private static final List<Table.Column> COLUMNS = List.of(
            new Table.Column(List.of("policy"), false),
            new Table.Column(List.of("workers"), true),
            new Table.Column(List.of("shared", "after fork", "MiB"), true),
            new Table.Column(List.of("worker", "private mean", "MiB ±CI95"), true),
            new Table.Column(List.of("worker", "private p95", "MiB"), true),
            new Table.Column(List.of("host", "memory mean", "MiB ±CI95"), true),
            new Table.Column(List.of("host", "memory p99", "MiB"), true),
            new Table.Column(List.of("host memory", "saving vs baseline", "% ±CI95"), true),
            new Table.Column(List.of("CPU overhead", "gc / cow / exit", "% of request CPU"), true));

    private KeyTable() {
    }

    static Table of(RunResult result) {
        List<Table.Row> rows = new ArrayList<>();
        for (PolicyResult policy : result.policies()) {
            boolean baseline = policy.name().equals(result.baseline());
            HostFigures host = policy.host();
            HostFigures.CpuOverhead cpu = host.cpuOverheadPercent();
            rows.add(new Table.Row(List.of(
                    baseline ? policy.name() + BASELINE_MARK : policy.name(),
                    Integer.toString(host.workers()),
                    Numbers.fixed(policy.worker().sharedAfterForkMiB(), 1),
                    Numbers.withInterval(policy.worker().privateMiB().mean(), 1),
                    Numbers.fixed(policy.worker().privateMiB().p95(), 1),
                    Numbers.withInterval(host.memoryMiB().mean(), 0),
                    Numbers.fixed(host.memoryMiB().p99(), 0),
                    Numbers.withInterval(policy.savingsVsBaselineHostMemoryPercent(), 1),
                    Numbers.fixed(cpu.gc(), 2) + " / " + Numbers.fixed(cpu.cow(), 2) + " / "
                            + Numbers.fixed(cpu.shutdown(), 2)),
                    baseline));
        }
        return new Table(COLUMNS, rows);
    }
}
