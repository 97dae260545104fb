package dev.cowfleet.sim.run;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.server.CpuUse;
import dev.cowfleet.sim.engine.ConfidenceInterval;
import dev.cowfleet.sim.engine.ReplicationStats;
import dev.cowfleet.sim.engine.Tally;
import dev.cowfleet.sim.host.HostRunResult;
import dev.cowfleet.sim.host.MemoryColumn;
import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.HostFigures;
import dev.cowfleet.sim.result.MemoryFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.TimeSeries;
import dev.cowfleet.sim.result.WorkerFigures;
import dev.cowfleet.sim.result.WorkerKills;
import dev.cowfleet.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Reduces host runs (policies x replications) to the one result model. Every figure with a
 * confidence interval is a mean over replications; savings are paired per replication, which is
 * where common random numbers pay off.
 */
final class ResultAssembler {
    static final double MIB = 1024.0 * 1024.0;
    private static final double CONFIDENCE = 0.95;

    private ResultAssembler() {
    }

    static RunResult assemble(Scenario scenario, List<PolicyRuns> runs) {
        PolicyRuns baseline = runs.stream().filter(r -> r.name().equals(scenario.baseline())).findFirst()
                .orElseThrow(() -> new IllegalStateException("baseline " + scenario.baseline() + " was not run"));
        List<PolicyResult> policies = new ArrayList<>();
        for (PolicyRuns run : runs) {
            policies.add(policy(run, baseline));
        }
        return new RunResult(scenario.name(), scenario.question(), scenario.seed(), scenario.replications(),
                scenario.baseline(), policies, scenario.effectiveInputs());
    }

    private static PolicyResult policy(PolicyRuns run, PolicyRuns baseline) {
        List<HostRunResult> reps = run.replications();
        Tally workerPrivate = merged(reps, HostRunResult::workerPrivate);
        Tally hostMemory = merged(reps, HostRunResult::hostMemory);
        Map<CopySource, Double> copiedMiB = new EnumMap<>(CopySource.class);
        Map<CopySource, Double> copiedPages = new EnumMap<>(CopySource.class);
        for (CopySource source : CopySource.values()) {
            double pages = mean(reps, r -> r.copiedPagesPerLifetime(source));
            copiedPages.put(source, pages);
            copiedMiB.put(source, pages * run.pageBytes() / MIB);
        }
        WorkerFigures worker = new WorkerFigures(
                nanMean(reps, r -> r.sharedAfterFork().count() == 0 ? Double.NaN : r.sharedAfterFork().mean()) / MIB,
                figures(estimate(reps, r -> r.workerPrivate().mean() / MIB), workerPrivate),
                copiedMiB,
                mean(reps, r -> r.fullCollectionsPerLifetime().mean()),
                mean(reps, r -> r.requestsPerLifetime().mean()),
                reps.stream().mapToDouble(HostRunResult::longestLifetimeSeconds).max().orElseThrow());
        HostFigures host = new HostFigures(run.workers(),
                figures(estimate(reps, r -> r.hostMemory().mean() / MIB), hostMemory,
                        reps.stream().mapToDouble(HostRunResult::peakHostBytes).max().orElseThrow()),
                new HostFigures.CpuOverhead(overhead(reps, CpuUse.GC), overhead(reps, CpuUse.COW_FAULTS),
                        overhead(reps, CpuUse.SHUTDOWN)));
        WorkerKills kills = new WorkerKills(mean(reps, r -> r.oomKills()), mean(reps, r -> r.harakiriKills()));
        return new PolicyResult(run.name(), run.description(), worker, host, copiedPages,
                hostMemoryOverTime(reps), workerLifetime(reps), deployWindow(reps),
                savings(run, baseline), kills);
    }

    /** Host-memory saving against the baseline, paired replication by replication. */
    private static Estimate savings(PolicyRuns run, PolicyRuns baseline) {
        ReplicationStats stats = new ReplicationStats();
        for (int i = 0; i < run.replications().size(); i++) {
            double base = baseline.replications().get(i).hostMemory().mean();
            double policy = run.replications().get(i).hostMemory().mean();
            stats.add(100.0 * (base - policy) / base);
        }
        return estimate(stats);
    }

    private static double overhead(List<HostRunResult> reps, CpuUse use) {
        return mean(reps, r -> {
            double requests = r.cpuSeconds(CpuUse.REQUESTS);
            return requests > 0 ? 100.0 * r.cpuSeconds(use) / requests : 0.0;
        });
    }

    private static TimeSeries hostMemoryOverTime(List<HostRunResult> reps) {
        HostRunResult first = reps.get(0);
        int samples = first.samples();
        List<String> columns = new ArrayList<>(MemoryColumn.keys());
        columns.add("workerShared");
        columns.add("workerPrivate");
        double[] seconds = new double[samples];
        double[][] values = new double[samples][columns.size()];
        for (int i = 0; i < samples; i++) {
            int sample = i;
            seconds[i] = i * first.sampleEverySeconds();
            for (int c = 0; c < MemoryColumn.COUNT; c++) {
                int column = c;
                values[i][column] = mean(reps, r -> r.memoryAt(sample, column)) / MIB;
            }
            values[i][columns.size() - 2] = mean(reps, r -> r.workerSharedMeanAt(sample)) / MIB;
            values[i][columns.size() - 1] = mean(reps, r -> r.workerPrivateMeanAt(sample)) / MIB;
        }
        return new TimeSeries(seconds, columns, values);
    }

    /** Mean shared and private MiB against worker age, over the ages some worker reached. */
    private static TimeSeries workerLifetime(List<HostRunResult> reps) {
        double[] ages = reps.get(0).ageSeconds();
        List<double[]> rows = new ArrayList<>();
        List<Double> reached = new ArrayList<>();
        for (int a = 0; a < ages.length; a++) {
            int age = a;
            double shared = nanMean(reps, r -> r.sharedAtAge(age));
            if (Double.isNaN(shared)) {
                continue;
            }
            reached.add(ages[a]);
            rows.add(new double[] {shared / MIB, nanMean(reps, r -> r.privateAtAge(age)) / MIB});
        }
        return new TimeSeries(reached.stream().mapToDouble(Double::doubleValue).toArray(), List.of("shared", "private"),
                rows.toArray(new double[0][]));
    }

    private static TimeSeries deployWindow(List<HostRunResult> reps) {
        HostRunResult first = reps.get(0);
        int n = first.deployWindow().length;
        if (n == 0) {
            return null;
        }
        double[] seconds = new double[n];
        double[][] values = new double[n][2];
        for (int j = 0; j < n; j++) {
            int sample = j;
            seconds[j] = first.deployWindowStartSeconds() + j;
            values[j][0] = mean(reps, r -> r.deployWindow()[sample]) / MIB;
            // Every replication deploys at the same time; the chart marks where the deploy starts.
            values[j][1] = seconds[j] - first.firstDeploySeconds();
        }
        return new TimeSeries(seconds, List.of("host", "sinceDeployStart"), values);
    }

    private static MemoryFigures figures(Estimate mean, Tally tally) {
        return figures(mean, tally, tally.max());
    }

    private static MemoryFigures figures(Estimate mean, Tally tally, double maxBytes) {
        return new MemoryFigures(mean, tally.quantile(0.95) / MIB, tally.quantile(0.99) / MIB, maxBytes / MIB);
    }

    private static Tally merged(List<HostRunResult> reps, Function<HostRunResult, Tally> tally) {
        Tally merged = tally.apply(reps.get(0)).emptyLike();
        for (HostRunResult rep : reps) {
            merged.merge(tally.apply(rep));
        }
        return merged;
    }

    private static Estimate estimate(List<HostRunResult> reps, ToDoubleFunction<HostRunResult> figure) {
        ReplicationStats stats = new ReplicationStats();
        reps.forEach(r -> stats.add(figure.applyAsDouble(r)));
        return estimate(stats);
    }

    private static Estimate estimate(ReplicationStats stats) {
        if (stats.replications() < 2) {
            return Estimate.withoutInterval(stats.mean());
        }
        ConfidenceInterval ci = stats.confidenceInterval(CONFIDENCE);
        return new Estimate(ci.mean(), ci.low(), ci.high());
    }

    private static double mean(List<HostRunResult> reps, ToDoubleFunction<HostRunResult> figure) {
        double sum = 0;
        for (HostRunResult rep : reps) {
            sum += figure.applyAsDouble(rep);
        }
        return sum / reps.size();
    }

    private static double nanMean(List<HostRunResult> reps, ToDoubleFunction<HostRunResult> figure) {
        double sum = 0;
        int n = 0;
        for (HostRunResult rep : reps) {
            double value = figure.applyAsDouble(rep);
            if (!Double.isNaN(value)) {
                sum += value;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
