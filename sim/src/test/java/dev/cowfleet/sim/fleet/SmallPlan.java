package dev.cowfleet.sim.fleet;

import dev.cowfleet.sim.exec.LocalEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.ScenarioSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * scenarios/fleet-capacity.yaml cut down to about a second of planning: ten simulated minutes, two
 * replications, one simulated host per type, a 40 MiB heap and hosts of 2 and 3 GiB (memory-bound with
 * the shipped 32 and 48 cores), so the workers-per-host search stays short.
 */
final class SmallPlan {
    static final List<String> SETS = List.of("replications=2", "duration=10m", "sampleEvery=1m", "host.workers=4",
            "workload.requestsPerSecond=40/s", "fleet.simulatedHostsPerType=1", "heap.measured.heapSize=40MiB",
            "fleet.hostTypes.0.ram=2GiB", "fleet.hostTypes.1.ram=3GiB");

    private SmallPlan() {
    }

    static ScenarioSource source(String... overrides) {
        List<String> sets = new ArrayList<>(SETS);
        sets.addAll(List.of(overrides));
        return ScenarioSource.read(Path.of("..", "scenarios", "fleet-capacity.yaml"), sets);
    }

    static RunResult plan(String... overrides) {
        try (LocalEngine engine = new LocalEngine(2)) {
            return FleetPlanner.plan(source(overrides), engine, Progress.NONE);
        }
    }
}
