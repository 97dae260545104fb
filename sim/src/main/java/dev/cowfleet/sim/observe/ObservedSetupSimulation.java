package dev.cowfleet.sim.observe;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.HostExperiment;
import dev.cowfleet.sim.run.ScenarioSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simulates the setup that was observed: the scenario (for example the one {@code calibrate} wrote for
 * the app) with the observation's workers, rate, duration, max-requests and policy, and the collector
 * counters the real workers reported inheriting at fork.
 */
public final class ObservedSetupSimulation {
    private ObservedSetupSimulation() {
    }

    /** The --set overrides that make the scenario describe the observed run. */
    static List<String> overrides(Observation observation, double rate, double seconds, long maxRequests) {
        List<String> sets = new ArrayList<>(List.of(
                "host.workers=" + observation.workers(),
                String.format(Locale.ROOT, "workload.requestsPerSecond=%s/s", rate),
                String.format(Locale.ROOT, "duration=%ss", seconds),
                "sampleEvery=1s",
                "server.maxRequests=" + maxRequests,
                "server.maxRequestsDelta=0",
                "server.maxRequestsJitter=0"));
        long[] counters = observation.inheritedCounters();
        if (counters != null) {
            // What the real workers inherited, measured in each one right after fork, replaces the
            // scenario's estimate: it decides when a worker's first collections come.
            sets.add("heap.gcCounters.count0=" + counters[0]);
            sets.add("heap.gcCounters.count1=" + counters[1]);
            sets.add("heap.gcCounters.count2=" + counters[2]);
        }
        return sets;
    }

    public static PolicyResult run(Path scenario, Observation observation, double rate, double seconds, long maxRequests,
                                   ExecutionEngine engine) {
        ScenarioSource source = ScenarioSource.read(scenario, overrides(observation, rate, seconds, maxRequests));
        RunResult result = HostExperiment.run(source, engine, Progress.NONE);
        List<String> names = new ArrayList<>();
        for (PolicyResult policy : result.policies()) {
            if (policy.name().equals(observation.policy())) {
                return policy;
            }
            names.add(policy.name());
        }
        throw new ObserveException("--scenario " + scenario + ": has no policy '" + observation.policy()
                + "' to simulate; it has " + String.join(", ", names));
    }
}
