package dev.cowfleet.sim.fleet;

import dev.cowfleet.models.fleet.Capacity;
import dev.cowfleet.models.server.CpuUse;
import dev.cowfleet.sim.engine.ConfidenceInterval;
import dev.cowfleet.sim.engine.ReplicationStats;
import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.host.HostRunResult;
import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.FleetFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.HostExperiment;
import dev.cowfleet.sim.run.HostPlans;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.FleetSpec;
import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;

/**
 * Capacity planning for a scenario's fleet: for every policy and host type, size the workers to
 * the RAM budget at the chosen memory percentile (simulating hosts, not guessing), derive what a
 * host serves from the policy's measured CPU overhead, then the hosts and money peak traffic
 * needs, paired replication by replication against the baseline; and simulate today's fleet under
 * each policy for fleet memory and out-of-memory kills.
 */
public final class FleetPlanner {
    private static final double MIB = 1024.0 * 1024.0;
    private static final double CONFIDENCE = 0.95;
    /** Rounds of re-sizing when the verified percentile still exceeds the budget. */
    private static final int SIZING_ROUNDS = 4;

    private final ScenarioSource source;
    private final Scenario scenario;
    private final FleetSpec fleet;
    private final ExecutionEngine engine;
    private final Progress progress;

    private FleetPlanner(ScenarioSource source, ExecutionEngine engine, Progress progress) {
        this.source = source;
        this.scenario = source.load();
        this.fleet = scenario.fleet().orElseThrow(() -> new ScenarioException(source.sourceName()
                + ": key 'fleet': missing, expected a fleet section with hostTypes and peakRequestsPerSecond "
                + "(see scenarios/README.md)"));
        this.engine = engine;
        this.progress = progress;
    }

    public static RunResult plan(ScenarioSource source, ExecutionEngine engine, Progress progress) {
        return new FleetPlanner(source, engine, progress).plan();
    }

    private RunResult plan() {
        RunResult single = HostExperiment.run(source, engine, progress);
        int policies = scenario.policies().size();
        int types = fleet.hostTypes().size();
        Sizing[][] sizing = new Sizing[policies][types];
        for (int p = 0; p < policies; p++) {
            for (int t = 0; t < types; t++) {
                sizing[p][t] = size(p, t);
            }
        }
        int baseline = indexOf(scenario.baseline());
        double[][] baselineHostsCost = perReplicationPlan(sizing[baseline]);
        List<PolicyResult> results = new ArrayList<>();
        for (int p = 0; p < policies; p++) {
            CapacityFigures capacity = capacity(sizing[p], perReplicationPlan(sizing[p]), baselineHostsCost);
            FleetFigures fleetFigures = FleetReducer.reduce(fleet, scenario.replications(), simulateFleet(p, sizing[p]),
                    simulatedPerType());
            results.add(single.policies().get(p).withPlan(capacity, fleetFigures));
        }
        return new RunResult(single.scenario(), single.question(), single.seed(), single.replications(),
                single.baseline(), results, single.inputs());
    }

    // ---- sizing: workers per host at the memory percentile ----

    /** A policy on a host type at its planned worker count, with the host runs that verified it. */
    record Sizing(int hostType, int workers, double budgetBytes, List<HostRunResult> runs, List<String> warnings) {
    }

    private Sizing size(int policy, int type) {
        FleetSpec.HostTypeSpec hostType = fleet.hostTypes().get(type);
        double budget = (1 - fleet.headroom()) * hostType.ramBytes();
        List<String> warnings = new ArrayList<>();
        boolean auto = fleet.workersPerHost().auto();
        int workers = auto ? scenario.host().workers() : fleet.workersPerHost().fixed().getAsInt();
        List<HostRunResult> runs = sizingRuns(policy, type, workers);
        double master = masterBytes(policy);
        for (int round = 0; auto && round < SIZING_ROUNDS; round++) {
            int fit = Capacity.workersThatFit(budget, master, (maxPercentile(runs) - master) / workers);
            if (fit < 1) {
                throw noWorkerFits(policy, type, budget);
            }
            if (fit == workers && maxPercentile(runs) <= budget) {
                break;
            }
            // The fit is linear in workers; a host's percentile is not quite, so verify by simulating again.
            workers = maxPercentile(runs) > budget ? Math.min(fit, workers - 1) : fit;
            runs = sizingRuns(policy, type, workers);
        }
        while (auto && maxPercentile(runs) > budget) {
            // Still over after the linear rounds: shrink in proportion to the excess until it fits.
            int smaller = (int) Math.floor(workers * (budget - master) / (maxPercentile(runs) - master));
            workers = Math.min(workers - 1, smaller);
            if (workers < 1) {
                throw noWorkerFits(policy, type, budget);
            }
            runs = sizingRuns(policy, type, workers);
        }
        if (maxPercentile(runs) > budget) {
            warnings.add(String.format("%s on %s: %d workers need %.0f MiB at p%.0f, above the %.0f MiB budget",
                    scenario.policies().get(policy).name(), hostType.name(), workers, maxPercentile(runs) / MIB,
                    100 * fleet.memoryPercentile(), budget / MIB));
        }
        return new Sizing(type, workers, budget, runs, warnings);
    }

    private ScenarioException noWorkerFits(int policy, int type, double budget) {
        return new ScenarioException(source.sourceName() + ": key 'fleet.hostTypes." + type + ".ram': no worker of "
                + "policy '" + scenario.policies().get(policy).name() + "' fits in " + Math.round(budget / MIB)
                + " MiB (RAM minus headroom)");
    }

    private List<HostRunResult> sizingRuns(int policy, int type, int workers) {
        List<HostRole> roles = new ArrayList<>();
        for (int r = 0; r < scenario.replications(); r++) {
            roles.add(new HostRole(policy, type, r, 0, workers, 1.0, 0.0));
        }
        ScenarioSource src = source;
        return engine.runAll(roles, role -> FleetHosts.run(src, role, false), progress);
    }

    private double masterBytes(int policy) {
        return HostPlans.plan(scenario, scenario.policies().get(policy)).master().masterBytes();
    }

    private double maxPercentile(List<HostRunResult> runs) {
        return runs.stream().mapToDouble(r -> r.hostMemory().quantile(fleet.memoryPercentile())).max().orElseThrow();
    }

    // ---- throughput, hosts and money, per replication ----

    /** [replication][0] = hosts needed, [replication][1] = annual cost, for the planned mix of host types. */
    private double[][] perReplicationPlan(Sizing[] sizing) {
        double peak = Capacity.grownPeak(fleet.peakRequestsPerSecond(), fleet.growthPerYear(), fleet.years());
        double[][] out = new double[scenario.replications()][2];
        for (int r = 0; r < out.length; r++) {
            double[] rps = new double[sizing.length];
            double capacityToday = 0;
            for (int t = 0; t < sizing.length; t++) {
                rps[t] = requestsPerSecondPerHost(sizing[t], sizing[t].runs().get(r));
                capacityToday += fleet.hostTypes().get(t).count() * rps[t];
            }
            for (int t = 0; t < sizing.length; t++) {
                FleetSpec.HostTypeSpec type = fleet.hostTypes().get(t);
                // The mix keeps today's proportions: each type carries traffic in proportion to its capacity.
                double share = type.count() * rps[t] / capacityToday;
                long hosts = Capacity.hostsNeeded(peak * share, rps[t]);
                out[r][0] += hosts;
                out[r][1] += Capacity.annualCost(hosts, type.costPerHour());
            }
        }
        return out;
    }

    private double requestsPerSecondPerHost(Sizing sizing, HostRunResult run) {
        FleetSpec.HostTypeSpec type = fleet.hostTypes().get(sizing.hostType());
        double requestCpu = run.cpuSeconds(CpuUse.REQUESTS);
        double overhead = requestCpu > 0
                ? (run.cpuSeconds(CpuUse.GC) + run.cpuSeconds(CpuUse.COW_FAULTS) + run.cpuSeconds(CpuUse.SHUTDOWN))
                / requestCpu : 0;
        return Capacity.requestsPerSecondPerHost(sizing.workers(), type.cores(), scenario.workload().cpuPerRequestSeconds(),
                overhead, fleet.ioWaitPerRequestSeconds(), fleet.targetUtilization());
    }

    private CapacityFigures capacity(Sizing[] sizing, double[][] plan, double[][] baseline) {
        ReplicationStats hosts = new ReplicationStats();
        ReplicationStats cost = new ReplicationStats();
        ReplicationStats savedHosts = new ReplicationStats();
        ReplicationStats savedCost = new ReplicationStats();
        ReplicationStats savedPercent = new ReplicationStats();
        for (int r = 0; r < plan.length; r++) {
            hosts.add(plan[r][0]);
            cost.add(plan[r][1]);
            savedHosts.add(baseline[r][0] - plan[r][0]);
            savedCost.add(baseline[r][1] - plan[r][1]);
            savedPercent.add(100.0 * (baseline[r][1] - plan[r][1]) / baseline[r][1]);
        }
        double peak = Capacity.grownPeak(fleet.peakRequestsPerSecond(), fleet.growthPerYear(), fleet.years());
        List<CapacityFigures.HostTypePlan> byType = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double weightedWorkers = 0;
        double weightedRps = 0;
        double capacityToday = 0;
        double[] rps = new double[sizing.length];
        for (int t = 0; t < sizing.length; t++) {
            Sizing s = sizing[t];
            rps[t] = s.runs().stream().mapToDouble(run -> requestsPerSecondPerHost(s, run)).average().orElseThrow();
            capacityToday += fleet.hostTypes().get(t).count() * rps[t];
        }
        long today = fleet.hosts();
        for (int t = 0; t < sizing.length; t++) {
            Sizing s = sizing[t];
            FleetSpec.HostTypeSpec type = fleet.hostTypes().get(t);
            double inMix = Capacity.hostsNeeded(peak * type.count() * rps[t] / capacityToday, rps[t]);
            byType.add(new CapacityFigures.HostTypePlan(type.name(), s.workers(), rps[t], maxPercentile(s.runs()) / MIB,
                    s.budgetBytes() / MIB, Capacity.hostsNeeded(peak, rps[t]), inMix,
                    Capacity.annualCost((long) inMix, type.costPerHour())));
            weightedWorkers += (double) type.count() / today * s.workers();
            weightedRps += (double) type.count() / today * rps[t];
            warnings.addAll(s.warnings());
        }
        return new CapacityFigures((int) Math.round(weightedWorkers), weightedRps, estimate(hosts), estimate(cost),
                estimate(savedHosts), estimate(savedCost), estimate(savedPercent), byType, warnings);
    }

    // ---- today's fleet ----

    /** Runs the simulated sample of today's hosts under {@code policy}, by host type, replication, then host. */
    private List<HostRunResult> simulateFleet(int policy, Sizing[] sizing) {
        List<HostRole> roles = new ArrayList<>();
        int hostIndex = 0;
        double waveSize = fleet.deploys().map(d -> d.waveSize()).orElse(1.0);
        double waveInterval = fleet.deploys().map(d -> d.waveIntervalSeconds()).orElse(0.0);
        int waves = (int) Math.ceil(1.0 / waveSize);
        for (int t = 0; t < sizing.length; t++) {
            int simulated = simulatedHosts(t);
            for (int r = 0; r < scenario.replications(); r++) {
                for (int k = 0; k < simulated; k++) {
                    double position = (k + 0.5) / simulated;
                    double scale = 1 - fleet.skew() + 2 * fleet.skew() * position;
                    double offset = Math.floor(position * waves) * waveInterval;
                    roles.add(new HostRole(policy, t, r, hostIndex + k, sizing[t].workers(), scale, offset));
                }
            }
            hostIndex += simulated;
        }
        ScenarioSource src = source;
        return engine.runAll(roles, role -> FleetHosts.run(src, role, true), progress);
    }

    private int simulatedHosts(int type) {
        return (int) Math.min(fleet.simulatedHostsPerType(), fleet.hostTypes().get(type).count());
    }

    private int[] simulatedPerType() {
        int[] simulated = new int[fleet.hostTypes().size()];
        for (int t = 0; t < simulated.length; t++) {
            simulated[t] = simulatedHosts(t);
        }
        return simulated;
    }

    private int indexOf(String policy) {
        for (int p = 0; p < scenario.policies().size(); p++) {
            if (scenario.policies().get(p).name().equals(policy)) {
                return p;
            }
        }
        throw new IllegalStateException("no policy " + policy);
    }

    static Estimate estimate(ReplicationStats stats) {
        if (stats.replications() < 2) {
            return Estimate.exact(stats.mean());
        }
        ConfidenceInterval ci = stats.confidenceInterval(CONFIDENCE);
        return new Estimate(ci.mean(), ci.low(), ci.high());
    }
}
