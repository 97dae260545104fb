package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.WorkerFigures;
import java.util.ArrayList;
import java.util.List;

/** What one worker of each policy does in its life: requests, full collections, MiB copied by source. */
final class WorkerTable {
    private WorkerTable() {
    }

    static Table of(RunResult result) {
        List<Table.Column> columns = new ArrayList<>();
        columns.add(new Table.Column(List.of("policy"), false));
        columns.add(new Table.Column(List.of("requests", "per lifetime"), true));
        columns.add(new Table.Column(List.of("full collections", "per lifetime"), true));
        for (CopySource source : CopySource.values()) {
            columns.add(new Table.Column(List.of("copied", source.key(), "MiB"), true));
        }
        List<Table.Row> rows = new ArrayList<>();
        for (PolicyResult policy : result.policies()) {
            boolean baseline = policy.name().equals(result.baseline());
            WorkerFigures worker = policy.worker();
            List<String> cells = new ArrayList<>();
            cells.add(baseline ? policy.name() + KeyTable.BASELINE_MARK : policy.name());
            cells.add(Numbers.fixed(worker.requestsPerLifetime(), 0));
            cells.add(Numbers.fixed(worker.fullCollectionsPerLifetime(), 1));
            for (CopySource source : CopySource.values()) {
                cells.add(Numbers.fixed(worker.copiedMiBBySource().getOrDefault(source, 0.0), 1));
            }
            rows.add(new Table.Row(cells, baseline));
        }
        return new Table(columns, rows);
    }
}
