package dev.cowfleet.sim.run;

import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.sim.engine.RandomStreams;
import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.host.HostPlan;
import dev.cowfleet.sim.host.HostRunResult;
import dev.cowfleet.sim.host.HostSimulation;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.scenario.PolicySpec;
import dev.cowfleet.sim.scenario.Scenario;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One host, every policy of a scenario, independent replications: the experiment behind
 * {@code cowfleet run} and {@code compare}. Replication r of every policy draws from the same
 * streams (seed, r, ...), so policies are compared on the same traffic.
 */
public final class HostExperiment {
    private HostExperiment() {
    }

    /** One (policy, replication) host run; carries the scenario text so any engine can run it. */
    record Task(ScenarioSource source, int policy, int replication, boolean serverStops) implements Serializable {
        HostRunResult run() {
            Scenario scenario = source.load();
            HostPlan plan = HostPlans.plan(scenario, scenario.policies().get(policy));
            RandomStreams streams = new RandomStreams(scenario.seed(), replication);
            return serverStops ? HostSimulation.runToFinalStop(plan, streams, 0) : HostSimulation.run(plan, streams, 0);
        }
    }

    public static RunResult run(ScenarioSource source, ExecutionEngine engine, Progress progress) {
        return run(source, engine, progress, false);
    }

    /**
     * {@link #run} with the server's graceful stop at the end of every run, as a real server's run ends:
     * the workers alive then exit too, and their exits count in the shutdown copy.
     */
    public static RunResult runToFinalStop(ScenarioSource source, ExecutionEngine engine, Progress progress) {
        return run(source, engine, progress, true);
    }

    private static RunResult run(ScenarioSource source, ExecutionEngine engine, Progress progress, boolean serverStops) {
        Scenario scenario = source.load();
        List<PolicySpec> policies = scenario.policies();
        List<HostPlan> plans = new ArrayList<>();
        for (PolicySpec policy : policies) {
            plans.add(HostPlans.plan(scenario, policy)); // validates every policy before any simulation starts
        }
        List<Task> tasks = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            for (int r = 0; r < scenario.replications(); r++) {
                tasks.add(new Task(source, p, r, serverStops));
            }
        }
        List<HostRunResult> results = engine.runAll(tasks, Task::run, progress);
        List<PolicyRuns> runs = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            int from = p * scenario.replications();
            HostPlan plan = plans.get(p);
            GcPolicy gcPolicy = policies.get(p).gc();
            runs.add(new PolicyRuns(policies.get(p).name(), describe(policies.get(p), gcPolicy), plan.workers(),
                    plan.master().pageBytes(), results.subList(from, from + scenario.replications())));
        }
        return ResultAssembler.assemble(scenario, runs);
    }

    private static String describe(PolicySpec spec, GcPolicy policy) {
        return "Python " + spec.python() + ": " + policy.describe();
    }
}
