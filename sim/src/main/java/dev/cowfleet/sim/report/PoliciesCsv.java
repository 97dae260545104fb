package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.HostFigures;
import dev.cowfleet.sim.result.MemoryFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.WorkerFigures;
import dev.cowfleet.sim.result.WorkerKills;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * policies.csv: one row per policy in scenario order with its key figures and the 95% confidence
 * bounds of every estimated mean, for spreadsheets. Column names carry their unit (MiB, Percent).
 * Copied pages by source and the workers killed follow as further columns.
 */
public final class PoliciesCsv {
    public static final String FILE_NAME = "policies.csv";

    private PoliciesCsv() {
    }

    public static String render(RunResult result) {
        Set<CopySource> pageSources = EnumSet.noneOf(CopySource.class);
        boolean kills = false;
        for (PolicyResult policy : result.policies()) {
            pageSources.addAll(policy.copiedPagesBySource().keySet());
            kills |= policy.kills() != null;
        }

        List<String> header = new ArrayList<>(List.of("policy", "baseline", "description", "workers",
                "sharedAfterForkMiB",
                "privateMeanMiB", "privateCi95LowMiB", "privateCi95HighMiB", "privateP95MiB",
                "privateP99MiB", "privateMaxMiB",
                "hostMemoryMeanMiB", "hostMemoryCi95LowMiB", "hostMemoryCi95HighMiB", "hostMemoryP95MiB",
                "hostMemoryP99MiB", "hostMemoryMaxMiB",
                "savingsHostMemoryPercent", "savingsCi95LowPercent", "savingsCi95HighPercent",
                "cpuOverheadGcPercent", "cpuOverheadCowPercent", "cpuOverheadShutdownPercent",
                "fullCollectionsPerLifetime", "requestsPerLifetime"));
        for (CopySource source : CopySource.values()) {
            header.add("copied" + camel(source.key()) + "MiB");
        }
        pageSources.forEach(source -> header.add("copied" + camel(source.key()) + "Pages"));
        if (kills) {
            header.addAll(List.of("harakiriKills", "oomKills"));
        }

        Csv csv = new Csv(header);
        for (PolicyResult policy : result.policies()) {
            List<String> row = new ArrayList<>(header.size());
            row.add(policy.name());
            row.add(Boolean.toString(policy.name().equals(result.baseline())));
            row.add(policy.description());
            row.add(Integer.toString(policy.host().workers()));
            WorkerFigures worker = policy.worker();
            row.add(Numbers.machineText(worker.sharedAfterForkMiB()));
            addMemory(row, worker.privateMiB());
            HostFigures host = policy.host();
            addMemory(row, host.memoryMiB());
            addEstimate(row, policy.savingsVsBaselineHostMemoryPercent());
            row.add(Numbers.machineText(host.cpuOverheadPercent().gc()));
            row.add(Numbers.machineText(host.cpuOverheadPercent().cow()));
            row.add(Numbers.machineText(host.cpuOverheadPercent().shutdown()));
            row.add(Numbers.machineText(worker.fullCollectionsPerLifetime()));
            row.add(Numbers.machineText(worker.requestsPerLifetime()));
            for (CopySource source : CopySource.values()) {
                row.add(Numbers.machineText(worker.copiedMiBBySource().getOrDefault(source, 0.0)));
            }
            pageSources.forEach(source -> row.add(optional(policy.copiedPagesBySource().get(source))));
            if (kills) {
                WorkerKills k = policy.kills();
                row.add(k == null ? "" : Numbers.machineText(k.harakiriKills()));
                row.add(k == null ? "" : Numbers.machineText(k.oomKills()));
            }
            csv.row(row);
        }
        return csv.text();
    }

    /** Mean with its confidence bounds, then p95, p99 and max: the same columns for worker and host. */
    private static void addMemory(List<String> row, MemoryFigures memory) {
        addEstimate(row, memory.mean());
        row.add(Numbers.machineText(memory.p95()));
        row.add(Numbers.machineText(memory.p99()));
        row.add(Numbers.machineText(memory.max()));
    }

    private static void addEstimate(List<String> row, Estimate estimate) {
        row.add(Numbers.machineText(estimate.mean()));
        row.add(Numbers.machineText(estimate.ci95Low()));
        row.add(Numbers.machineText(estimate.ci95High()));
    }

    /** "heap-growth" becomes "HeapGrowth", so a source key fits into a camel-case column name. */
    static String camel(String key) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** A policy without this figure leaves the cell empty. */
    private static String optional(Double value) {
        return value == null ? "" : Numbers.machineText(value);
    }
}
