package dev.cowfleet.sim.fleet;

import dev.cowfleet.models.fleet.Capacity;
import dev.cowfleet.models.server.CpuUse;
import dev.cowfleet.sim.engine.ReplicationStats;
import dev.cowfleet.sim.host.HostRunResult;
import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.scenario.FleetSpec;
import dev.cowfleet.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy's capacity figures from its sizings: what a host serves given the policy's measured CPU
 * overhead, then the host mix replication by replication, paired with the baseline's. Per-type figures
 * are means over replications of the same mixes the fleet totals sum, so the two agree exactly.
 */
final class CapacityFigureBuilder {
    private static final double MIB = 1024.0 * 1024.0;

    private final Scenario scenario;
    private final FleetSpec fleet;
    private final WorkerSizer sizer;

    CapacityFigureBuilder(Scenario scenario, FleetSpec fleet, WorkerSizer sizer) {
        this.scenario = scenario;
        this.fleet = fleet;
        this.sizer = sizer;
    }

    /** The host mix of each replication, for the sizings of one policy (one per host type). */
    List<HostMix> mixes(Sizing[] sizing) {
        List<HostMix> out = new ArrayList<>();
        for (int r = 0; r < scenario.replications(); r++) {
            double[] rps = new double[sizing.length];
            for (int t = 0; t < sizing.length; t++) {
                rps[t] = requestsPerSecondPerHost(sizing[t], sizing[t].runs().get(r));
            }
            out.add(HostMix.of(fleet, rps));
        }
        return out;
    }

    CapacityFigures figures(Sizing[] sizing, List<HostMix> plan, List<HostMix> baseline) {
        ReplicationStats hosts = new ReplicationStats();
        ReplicationStats cost = new ReplicationStats();
        ReplicationStats savedHosts = new ReplicationStats();
        ReplicationStats savedCost = new ReplicationStats();
        ReplicationStats savedPercent = new ReplicationStats();
        for (int r = 0; r < plan.size(); r++) {
            HostMix mix = plan.get(r);
            HostMix base = baseline.get(r);
            hosts.add(mix.totalHosts());
            cost.add(mix.totalAnnualCost());
            savedHosts.add(base.totalHosts() - mix.totalHosts());
            savedCost.add(base.totalAnnualCost() - mix.totalAnnualCost());
            savedPercent.add(100.0 * (base.totalAnnualCost() - mix.totalAnnualCost()) / base.totalAnnualCost());
        }
        double peak = HostMix.grownPeak(fleet);
        List<CapacityFigures.HostTypePlan> byType = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double weightedWorkers = 0;
        double weightedRps = 0;
        long today = fleet.hosts();
        for (int t = 0; t < sizing.length; t++) {
            Sizing s = sizing[t];
            FleetSpec.HostTypeSpec type = fleet.hostTypes().get(t);
            double rps = s.runs().stream().mapToDouble(run -> requestsPerSecondPerHost(s, run)).average().orElseThrow();
            int type0 = t;
            double inMix = plan.stream().mapToDouble(m -> m.hosts()[type0]).average().orElseThrow();
            double typeCost = plan.stream().mapToDouble(m -> m.annualCost()[type0]).average().orElseThrow();
            byType.add(new CapacityFigures.HostTypePlan(type.name(), s.workers(), rps,
                    sizer.maxPercentile(s.runs()) / MIB, s.budgetBytes() / MIB, Capacity.hostsNeeded(peak, rps),
                    inMix, typeCost));
            weightedWorkers += (double) type.count() / today * s.workers();
            weightedRps += (double) type.count() / today * rps;
            warnings.addAll(s.warnings());
        }
        return new CapacityFigures((int) Math.round(weightedWorkers), weightedRps, FleetPlanner.estimate(hosts),
                FleetPlanner.estimate(cost), FleetPlanner.estimate(savedHosts), FleetPlanner.estimate(savedCost),
                FleetPlanner.estimate(savedPercent), byType, warnings);
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
}
