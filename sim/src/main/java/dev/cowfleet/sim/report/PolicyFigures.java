package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.report.FigureValue.BySource;
import dev.cowfleet.sim.report.FigureValue.Interval;
import dev.cowfleet.sim.report.FigureValue.Items;
import dev.cowfleet.sim.report.FigureValue.Mean;
import dev.cowfleet.sim.report.FigureValue.Money;
import dev.cowfleet.sim.report.FigureValue.MoneyMean;
import dev.cowfleet.sim.report.FigureValue.Num;
import dev.cowfleet.sim.report.FigureValue.Text;
import dev.cowfleet.sim.report.FigureValue.Texts;
import dev.cowfleet.sim.report.FigureValue.Whole;
import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.result.CapacityFigures.HostTypePlan;
import dev.cowfleet.sim.result.FleetFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.WorkerKills;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every figure of a policy's result, each declared once: summary.json writes them in this order (the
 * contract's; a new key goes last in its object), policies.csv in {@link #CSV_ORDER} and then any figure not
 * listed there, and the tables ({@link FigureTable}) show the ones their column lists name. A new figure is
 * one line here (plus a table column if it should be shown), next to its producer and its result record.
 */
final class PolicyFigures {

    static final Figure<PolicyResult> SHARED_AFTER_FORK = Figure.both("worker.sharedAfterForkMiB",
            "sharedAfterForkMiB", p -> new Num(p.worker().sharedAfterForkMiB()));
    static final Figure<PolicyResult> PRIVATE_MEAN = Figure.both("worker.privateMiB.mean", "privateMeanMiB",
            p -> new Mean(p.worker().privateMiB().mean()));
    static final Figure<PolicyResult> PRIVATE_P95 = Figure.both("worker.privateMiB.p95", "privateP95MiB",
            p -> new Num(p.worker().privateMiB().p95()));
    static final Figure<PolicyResult> COPIED_MIB = Figure.both("worker.copiedMiBBySource",
            "copied" + Figure.SOURCE + "MiB", p -> new BySource(everySource(p.worker().copiedMiBBySource())));
    static final Figure<PolicyResult> FULL_COLLECTIONS = Figure.both("worker.fullCollectionsPerLifetime",
            "fullCollectionsPerLifetime", p -> new Num(p.worker().fullCollectionsPerLifetime()));
    static final Figure<PolicyResult> REQUESTS = Figure.both("worker.requestsPerLifetime", "requestsPerLifetime",
            p -> new Num(p.worker().requestsPerLifetime()));
    static final Figure<PolicyResult> WORKERS = Figure.both("host.workers", "workers",
            p -> new Whole(p.host().workers()));
    static final Figure<PolicyResult> HOST_MEAN = Figure.both("host.memoryMiB.mean", "hostMemoryMeanMiB",
            p -> new Mean(p.host().memoryMiB().mean()));
    static final Figure<PolicyResult> HOST_P99 = Figure.both("host.memoryMiB.p99", "hostMemoryP99MiB",
            p -> new Num(p.host().memoryMiB().p99()));
    static final Figure<PolicyResult> CPU_GC = Figure.both("host.cpuOverheadPercent.gc", "cpuOverheadGcPercent",
            p -> new Num(p.host().cpuOverheadPercent().gc()));
    static final Figure<PolicyResult> CPU_COW = Figure.both("host.cpuOverheadPercent.cow",
            "cpuOverheadCowPercent", p -> new Num(p.host().cpuOverheadPercent().cow()));
    static final Figure<PolicyResult> CPU_SHUTDOWN = Figure.both("host.cpuOverheadPercent.shutdown",
            "cpuOverheadShutdownPercent", p -> new Num(p.host().cpuOverheadPercent().shutdown()));
    static final Figure<PolicyResult> SAVINGS = Figure.both("savingsVsBaseline.hostMemoryPercent",
            "savingsHostMemoryPercent", p -> new Mean(p.savingsVsBaselineHostMemoryPercent()));

    static final Figure<HostTypePlan> TYPE_NAME = Figure.json("hostType", t -> new Text(t.hostType()));
    static final Figure<HostTypePlan> TYPE_WORKERS = Figure.json("workersPerHost", t -> new Whole(t.workersPerHost()));
    static final Figure<HostTypePlan> TYPE_THROUGHPUT = Figure.json("requestsPerSecondPerHost",
            t -> new Num(t.requestsPerSecondPerHost()));
    static final Figure<HostTypePlan> TYPE_MEMORY = Figure.json("memoryPercentileMiB",
            t -> new Num(t.memoryPercentileMiB()));
    static final Figure<HostTypePlan> TYPE_BUDGET = Figure.json("budgetMiB", t -> new Num(t.budgetMiB()));
    static final Figure<HostTypePlan> TYPE_ALONE = Figure.json("hostsNeededAlone", t -> new Num(t.hostsNeededAlone()));
    static final Figure<HostTypePlan> TYPE_HOSTS = Figure.json("hostsNeeded", t -> new Num(t.hostsNeeded()));
    static final Figure<HostTypePlan> TYPE_COST = Figure.json("annualCost", t -> new Money(t.annualCost()));

    /** One host type of a capacity plan. */
    static final List<Figure<HostTypePlan>> HOST_TYPE = List.of(TYPE_NAME, TYPE_WORKERS, TYPE_THROUGHPUT,
            TYPE_MEMORY, TYPE_BUDGET, TYPE_ALONE, TYPE_HOSTS, TYPE_COST);

    static final Figure<CapacityFigures> PLAN_WORKERS = Figure.json("workersPerHost",
            c -> new Whole(c.workersPerHost()));
    static final Figure<CapacityFigures> PLAN_THROUGHPUT = Figure.json("requestsPerSecondPerHost",
            c -> new Num(c.requestsPerSecondPerHost()));
    static final Figure<CapacityFigures> PLAN_HOSTS = Figure.json("hostsNeeded", c -> new Mean(c.hostsNeeded()));
    static final Figure<CapacityFigures> PLAN_COST = Figure.json("annualCost", c -> new MoneyMean(c.annualCost()));

    /** A capacity plan. */
    static final List<Figure<CapacityFigures>> CAPACITY = List.of(
            PLAN_WORKERS,
            PLAN_THROUGHPUT,
            PLAN_HOSTS,
            PLAN_COST,
            Figure.json("hostsNeededCi95", c -> new Interval(c.hostsNeeded())),
            Figure.json("annualCostCi95", c -> new Interval(c.annualCost())),
            Figure.json("byHostType", c -> new Items<>(c.byHostType(), HOST_TYPE)),
            Figure.json("warnings", c -> new Texts(c.warnings())));

    static final Figure<CapacityFigures> SAVED_HOSTS = Figure.json("hosts", c -> new Mean(c.savingsHosts()));
    static final Figure<CapacityFigures> SAVED_COST = Figure.json("annualCost",
            c -> new MoneyMean(c.savingsAnnualCost()));
    static final Figure<CapacityFigures> SAVED_PERCENT = Figure.json("percent", c -> new Mean(c.savingsPercent()));

    /** What a capacity plan saves against the baseline's, beside the host-memory saving. */
    static final List<Figure<CapacityFigures>> CAPACITY_SAVINGS = List.of(
            SAVED_HOSTS,
            SAVED_COST,
            SAVED_PERCENT,
            Figure.json("hostsCi95", c -> new Interval(c.savingsHosts())),
            Figure.json("annualCostCi95", c -> new Interval(c.savingsAnnualCost())),
            Figure.json("percentCi95", c -> new Interval(c.savingsPercent())));

    static final Figure<FleetFigures> FLEET_HOSTS = Figure.json("hosts", f -> new Whole(f.hosts()));
    static final Figure<FleetFigures> FLEET_OOM_KILLS = Figure.json("oomKills", f -> new Mean(f.oomKills()));
    static final Figure<FleetFigures> FLEET_PEAK = Figure.json("peakMemoryTiB", f -> new Num(f.peakMemoryTiB()));

    /** Today's fleet running one policy; summary.json also shows the baseline's at the top level. */
    static final List<Figure<FleetFigures>> FLEET = List.of(FLEET_HOSTS, FLEET_OOM_KILLS, FLEET_PEAK,
            Figure.json("oomKillsCi95", f -> new Interval(f.oomKills())));

    /** Workers killed per replication, where the run counts them. */
    static final List<Figure<WorkerKills>> KILLS = List.of(
            Figure.both("harakiriKills", "harakiriKills", k -> new Num(k.harakiriKills())),
            Figure.both("oomKills", "oomKills", k -> new Num(k.oomKills())));

    /** Every figure of a policy, in summary.json's order. */
    static final List<Figure<PolicyResult>> POLICY = Stream.of(
            Stream.of(
                    Figure.<PolicyResult>both("description", "description", p -> new Text(p.description())),
                    SHARED_AFTER_FORK,
                    PRIVATE_MEAN,
                    PRIVATE_P95,
                    Figure.<PolicyResult>both("worker.privateMiB.max", "privateMaxMiB",
                            p -> new Num(p.worker().privateMiB().max())),
                    Figure.<PolicyResult>both("worker.privateMiB.ci95",
                            List.of("privateCi95LowMiB", "privateCi95HighMiB"),
                            p -> new Interval(p.worker().privateMiB().mean())),
                    Figure.<PolicyResult>csv("privateP99MiB", p -> new Num(p.worker().privateMiB().p99())),
                    COPIED_MIB,
                    FULL_COLLECTIONS,
                    REQUESTS,
                    Figure.<PolicyResult>both("worker.copiedPagesBySource", "copied" + Figure.SOURCE + "Pages",
                            p -> new BySource(p.copiedPagesBySource())),
                    WORKERS,
                    HOST_MEAN,
                    HOST_P99,
                    Figure.<PolicyResult>both("host.memoryMiB.max", "hostMemoryMaxMiB",
                            p -> new Num(p.host().memoryMiB().max())),
                    Figure.<PolicyResult>both("host.memoryMiB.ci95",
                            List.of("hostMemoryCi95LowMiB", "hostMemoryCi95HighMiB"),
                            p -> new Interval(p.host().memoryMiB().mean())),
                    Figure.<PolicyResult>both("host.memoryMiB.p95", "hostMemoryP95MiB",
                            p -> new Num(p.host().memoryMiB().p95())),
                    CPU_GC,
                    CPU_COW,
                    CPU_SHUTDOWN,
                    SAVINGS,
                    Figure.<PolicyResult>both("savingsVsBaseline.hostMemoryPercentCi95",
                            List.of("savingsCi95LowPercent", "savingsCi95HighPercent"),
                            p -> new Interval(p.savingsVsBaselineHostMemoryPercent()))),
            CAPACITY.stream().map(f -> f.under("capacity", PolicyResult::capacity)),
            CAPACITY_SAVINGS.stream().map(f -> f.under("savingsVsBaseline", PolicyResult::capacity)),
            FLEET.stream().map(f -> f.under("fleet", PolicyResult::fleet)),
            KILLS.stream().map(f -> f.under("extra", PolicyResult::kills)))
            .flatMap(s -> s).toList();

    /**
     * The order of policies.csv's columns, by each figure's first column: spreadsheets read them by
     * position, so these keep theirs; a figure not listed follows them in {@link #POLICY} order.
     */
    static final List<String> CSV_ORDER = List.of("description", "workers", "sharedAfterForkMiB",
            "privateMeanMiB", "privateCi95LowMiB", "privateP95MiB", "privateP99MiB", "privateMaxMiB",
            "hostMemoryMeanMiB", "hostMemoryCi95LowMiB", "hostMemoryP95MiB", "hostMemoryP99MiB", "hostMemoryMaxMiB",
            "savingsHostMemoryPercent", "savingsCi95LowPercent",
            "cpuOverheadGcPercent", "cpuOverheadCowPercent", "cpuOverheadShutdownPercent",
            "fullCollectionsPerLifetime", "requestsPerLifetime",
            "copied" + Figure.SOURCE + "MiB", "copied" + Figure.SOURCE + "Pages", "harakiriKills", "oomKills");

    /** The key table: what a reader compares policies by. */
    static final List<Figure.Column<PolicyResult>> KEY_TABLE = List.of(
            new Figure.Column<>(List.of("workers"), List.of(WORKERS), 0),
            new Figure.Column<>(List.of("shared", "after fork", "MiB"), List.of(SHARED_AFTER_FORK), 1),
            new Figure.Column<>(List.of("worker", "private mean", "MiB ±CI95"), List.of(PRIVATE_MEAN), 1),
            new Figure.Column<>(List.of("worker", "private p95", "MiB"), List.of(PRIVATE_P95), 1),
            new Figure.Column<>(List.of("host", "memory mean", "MiB ±CI95"), List.of(HOST_MEAN), 0),
            new Figure.Column<>(List.of("host", "memory p99", "MiB"), List.of(HOST_P99), 0),
            new Figure.Column<>(List.of("host memory", "saving vs baseline", "% ±CI95"), List.of(SAVINGS), 1),
            new Figure.Column<>(List.of("CPU overhead", "gc / cow / exit", "% of request CPU"),
                    List.of(CPU_GC, CPU_COW, CPU_SHUTDOWN), 2));

    /** One worker's life: requests, full collections, MiB copied by source. */
    static final List<Figure.Column<PolicyResult>> WORKER_TABLE = List.of(
            new Figure.Column<>(List.of("requests", "per lifetime"), List.of(REQUESTS), 0),
            new Figure.Column<>(List.of("full collections", "per lifetime"), List.of(FULL_COLLECTIONS), 1),
            new Figure.Column<>(List.of("copied", Figure.SOURCE, "MiB"), List.of(COPIED_MIB), 1));

    /** A capacity plan, one row per host type: what one host holds and how many the plan buys. */
    static final List<Figure.Column<HostTypePlan>> HOST_TYPE_TABLE = List.of(
            new Figure.Column<>(List.of("host type"), TYPE_NAME, 0),
            new Figure.Column<>(List.of("workers", "per host"), TYPE_WORKERS, 0),
            new Figure.Column<>(List.of("throughput", "per host", "req/s"), TYPE_THROUGHPUT, 1),
            new Figure.Column<>(List.of("host memory", "at percentile", "MiB"), TYPE_MEMORY, 0),
            new Figure.Column<>(List.of("RAM budget", "after headroom", "MiB"), TYPE_BUDGET, 0),
            new Figure.Column<>(List.of("hosts", "type alone"), TYPE_ALONE, 0),
            new Figure.Column<>(List.of("hosts", "in plan"), TYPE_HOSTS, 0),
            new Figure.Column<>(List.of("annual cost", "in plan"), TYPE_COST, 0));

    /** A capacity plan in total, and what it saves against the baseline's. */
    static final List<Figure.Column<CapacityFigures>> CAPACITY_TABLE = List.of(
            new Figure.Column<>(List.of("workers", "per host"), PLAN_WORKERS, 0),
            new Figure.Column<>(List.of("throughput", "per host", "req/s"), PLAN_THROUGHPUT, 1),
            new Figure.Column<>(List.of("hosts needed", "±CI95"), PLAN_HOSTS, 0),
            new Figure.Column<>(List.of("annual cost", "±CI95"), PLAN_COST, 0),
            new Figure.Column<>(List.of("saved", "hosts", "±CI95"), SAVED_HOSTS, 0),
            new Figure.Column<>(List.of("saved", "annual cost", "±CI95"), SAVED_COST, 0),
            new Figure.Column<>(List.of("saved", "cost", "% ±CI95"), SAVED_PERCENT, 1));

    /** Today's fleet running each policy. */
    static final List<Figure.Column<FleetFigures>> FLEET_TABLE = List.of(
            new Figure.Column<>(List.of("hosts"), FLEET_HOSTS, 0),
            new Figure.Column<>(List.of("OOM kills", "±CI95"), FLEET_OOM_KILLS, 1),
            new Figure.Column<>(List.of("peak fleet", "memory", "TiB"), FLEET_PEAK, 2));

    private PolicyFigures() {
    }

    /** MiB copied by every source, 0 for a source that copied nothing for this policy. */
    private static Map<CopySource, Double> everySource(Map<CopySource, Double> copied) {
        Map<CopySource, Double> all = new EnumMap<>(CopySource.class);
        for (CopySource source : CopySource.values()) {
            all.put(source, copied.getOrDefault(source, 0.0));
        }
        return all;
    }
}
