package dev.cowfleet.sim.fleet;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.host.HostRunResult;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.FleetSpec;
import dev.cowfleet.sim.scenario.Scenario;
import java.util.List;

/**
 * What every step of a plan shares: the scenario (its source travels to each engine task, which loads
 * it again), its fleet section, and the engine and progress the hosts run on.
 */
record FleetRun(ScenarioSource source, Scenario scenario, FleetSpec fleet, ExecutionEngine engine, Progress progress) {

    /**
     * Simulates one host per role on the engine, in role order.
     *
     * @param fleetTraffic whether each host takes the fleet's traffic share (the fleet sample) or the
     *     scenario's own workload (sizing)
     */
    List<HostRunResult> hosts(List<HostRole> roles, boolean fleetTraffic) {
        ScenarioSource src = source;
        return engine.runAll(roles, role -> FleetHosts.run(src, role, fleetTraffic), progress);
    }
}
