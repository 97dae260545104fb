package dev.cowfleet.sim.fleet;

import dev.cowfleet.sim.engine.ConfidenceInterval;
import dev.cowfleet.sim.engine.ReplicationStats;
import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.FleetFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.HostExperiment;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.FleetSpec;
import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;

/**
 * Capacity planning for a scenario's fleet: for every policy and host type, size the workers to
 * the RAM budget at the chosen memory percentile ({@link WorkerSizer}), derive what a host serves and
 * the hosts and money peak traffic needs, paired replication by replication against the baseline
 * ({@link CapacityFigureBuilder}, {@link HostMix}); and simulate today's fleet under each policy for
 * fleet memory and out-of-memory kills ({@link FleetSample}, {@link FleetReducer}).
 */
public final class FleetPlanner {
    private static final double CONFIDENCE = 0.95;

    private final FleetRun run;
    private final Scenario scenario;
    private final FleetSpec fleet;

    private FleetPlanner(ScenarioSource source, ExecutionEngine engine, Progress progress) {
        this.scenario = source.load();
        this.fleet = scenario.fleet().orElseThrow(() -> new ScenarioException(source.sourceName()
                + ": key 'fleet': missing, expected a fleet section with hostTypes and peakRequestsPerSecond "
                + "(see scenarios/README.md)"));
        this.run = new FleetRun(source, scenario, fleet, engine, progress);
    }

    public static RunResult plan(ScenarioSource source, ExecutionEngine engine, Progress progress) {
        return new FleetPlanner(source, engine, progress).plan();
    }

    private RunResult plan() {
        RunResult single = HostExperiment.run(run.source(), run.engine(), run.progress());
        WorkerSizer sizer = new WorkerSizer(run);
        CapacityFigureBuilder capacities = new CapacityFigureBuilder(scenario, fleet, sizer);
        FleetSample sample = new FleetSample(run);
        int policies = scenario.policies().size();
        int types = fleet.hostTypes().size();
        Sizing[][] sizing = new Sizing[policies][types];
        for (int p = 0; p < policies; p++) {
            for (int t = 0; t < types; t++) {
                sizing[p][t] = sizer.size(p, t);
            }
        }
        List<HostMix> baselineMixes = capacities.mixes(sizing[indexOf(scenario.baseline())]);
        List<PolicyResult> results = new ArrayList<>();
        for (int p = 0; p < policies; p++) {
            CapacityFigures capacity = capacities.figures(sizing[p], capacities.mixes(sizing[p]), baselineMixes);
            FleetFigures fleetFigures = FleetReducer.reduce(fleet, scenario.replications(), sample.simulate(p, sizing[p]),
                    sample.simulatedPerType());
            results.add(single.policies().get(p).withPlan(capacity, fleetFigures));
        }
        return new RunResult(single.scenario(), single.question(), single.seed(), single.replications(),
                single.baseline(), results, single.inputs());
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
            return Estimate.withoutInterval(stats.mean());
        }
        ConfidenceInterval ci = stats.confidenceInterval(CONFIDENCE);
        return new Estimate(ci.mean(), ci.low(), ci.high());
    }
}
