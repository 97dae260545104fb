package dev.cowfleet.sim.fleet;

import dev.cowfleet.models.workload.Traffic;
import dev.cowfleet.sim.engine.RandomStreams;
import dev.cowfleet.sim.host.DeploySchedule;
import dev.cowfleet.sim.host.HostPlan;
import dev.cowfleet.sim.host.HostRunResult;
import dev.cowfleet.sim.host.HostSimulation;
import dev.cowfleet.sim.run.HostPlans;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.DeploySpec;
import dev.cowfleet.sim.scenario.FleetSpec;
import dev.cowfleet.sim.scenario.Scenario;

/** Builds and runs the host of a {@link HostRole}; the traffic and deploy arithmetic of a fleet. */
final class FleetHosts {
    private FleetHosts() {
    }

    static HostRunResult run(ScenarioSource source, HostRole role, boolean fleetTraffic) {
        Scenario scenario = source.load();
        FleetSpec fleet = scenario.fleet().orElseThrow();
        FleetSpec.HostTypeSpec type = fleet.hostTypes().get(role.hostType());
        Traffic traffic = fleetTraffic ? fleetHostTraffic(fleet, role.trafficScale()) : sizingTraffic(scenario, role.workers());
        HostPlan base = HostPlans.plan(scenario, scenario.policies().get(role.policy()), role.workers(), traffic,
                type.ramBytes());
        HostPlan plan = fleetTraffic ? withDeploys(base, fleet, role.deployOffset(), scenario) : base;
        return HostSimulation.run(plan, new RandomStreams(scenario.seed(), role.replication()), role.host());
    }

    /**
     * Sizing keeps each worker as busy as in the scenario's single host, so that memory per worker
     * (garbage, recycling) does not depend on the worker count being tried.
     */
    static Traffic sizingTraffic(Scenario scenario, int workers) {
        double perWorker = scenario.workload().requestsPerSecond() / scenario.host().workers();
        return HostPlans.traffic(perWorker * workers, scenario.workload().diurnal());
    }

    /** Today's fleet traffic (no growth) split evenly across today's hosts, times the host's skew. */
    static Traffic fleetHostTraffic(FleetSpec fleet, double scale) {
        return HostPlans.traffic(fleet.peakRequestsPerSecond() / fleet.hosts() * scale, fleet.diurnal());
    }

    private static HostPlan withDeploys(HostPlan base, FleetSpec fleet, double offset, Scenario scenario) {
        if (fleet.deploys().isEmpty()) {
            return base;
        }
        DeploySpec d = fleet.deploys().get();
        double[] starts = d.startTimes(scenario.durationSeconds()).stream().mapToDouble(Double::doubleValue)
                .map(t -> t + offset).filter(t -> t < scenario.durationSeconds()).toArray();
        double hostWave = scenario.deploys().map(DeploySpec::waveSize).orElse(1.0);
        double hostInterval = scenario.deploys().map(DeploySpec::waveIntervalSeconds).orElse(0.0);
        return new HostPlan(base.master(), base.request(), base.costs(), base.traffic(), base.workers(), base.recycle(),
                new DeploySchedule(starts, hostWave, hostInterval), base.durationSeconds(), base.sampleEverySeconds(),
                base.settleSeconds(), base.ramBytes());
    }
}
