package dev.cowfleet.sim.observe;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.HostExperiment;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simulates the setup that was observed: the scenario (for example the one {@code calibrate} wrote for
 * the app) with the observation's workers, rate, duration, max-requests and policy, and the collector
 * counters the real workers reported inheriting at fork, and the app's tracked objects per request as a
 * fresh worker of the real server leaves them ({@link AllocationProbe}). Like the real run, it ends with
 * the server's graceful stop, so the workers alive then exit under the policy's exit mode too.
 */
public final class ObservedSetupSimulation {
    private ObservedSetupSimulation() {
    }

    /** The --set overrides that make the scenario describe the observed run; counters may be null. */
    static List<String> overrides(String server, int workers, double rate, double seconds, long maxRequests, long[] counters) {
        List<String> sets = new ArrayList<>(List.of(
                "processManager=" + server,
                "host.workers=" + workers,
                String.format(Locale.ROOT, "workload.requestsPerSecond=%s/s", rate),
                String.format(Locale.ROOT, "duration=%ss", seconds),
                "sampleEvery=1s",
                "server.maxRequests=" + maxRequests,
                // Neither server staggers recycling as observe starts it.
                server.equals("gunicorn") ? "server.maxRequestsJitter=0" : "server.maxRequestsDelta=0"));
        if (counters != null) {
            // What the real workers inherited, measured in each one right after fork, replaces the
            // scenario's estimate: it decides when a worker's first collections come.
            sets.add("heap.gcCounters.count0=" + counters[0]);
            sets.add("heap.gcCounters.count1=" + counters[1]);
            sets.add("heap.gcCounters.count2=" + counters[2]);
        }
        return sets;
    }

    /** Checks before any server starts that the scenario takes the setup and has the policy. */
    public static void check(Path scenario, String server, int workers, double rate, double seconds, long maxRequests,
                             String policy) {
        Scenario parsed = ScenarioSource.read(scenario, overrides(server, workers, rate, seconds, maxRequests, null)).load();
        List<String> names = parsed.policies().stream().map(p -> p.name()).toList();
        if (!names.contains(policy)) {
            throw new ObserveException("--scenario " + scenario + ": has no policy '" + policy + "' to simulate; it has "
                    + String.join(", ", names));
        }
    }

    /**
     * The --set overrides of the app's tracked objects per request, as the probe measured them in a fresh
     * worker of the real server over its share of the run; the peak is raised to them where they exceed
     * it (they are alive at the request's peak too). None when nothing was probed.
     */
    static List<String> survivorOverrides(double survivorsPerRequest, long scenarioPeak) {
        if (!Double.isFinite(survivorsPerRequest)) {
            return List.of();
        }
        long survivors = Math.max(0, Math.round(survivorsPerRequest));
        List<String> sets = new ArrayList<>(List.of("workload.trackedSurvivors=" + survivors));
        if (survivors > scenarioPeak) {
            sets.add("workload.trackedAllocationsPeak=" + survivors);
        }
        return sets;
    }

    public static PolicyResult run(Path scenario, Observation observation, double rate, double seconds, long maxRequests,
                                   ExecutionEngine engine) {
        List<String> sets = overrides(observation.server(), observation.workers(), rate, seconds, maxRequests,
                observation.inheritedCounters());
        long peak = ScenarioSource.read(scenario, sets).load().workload().trackedAllocationsPeak();
        sets.addAll(survivorOverrides(observation.survivorsPerRequest(), peak));
        ScenarioSource source = ScenarioSource.read(scenario, sets);
        // The real run ends with SIGTERM to every worker, whose exits observe measures: so does this one.
        RunResult result = HostExperiment.runToFinalStop(source, engine, Progress.NONE);
        for (PolicyResult policy : result.policies()) {
            if (policy.name().equals(observation.policy())) {
                return policy;
            }
        }
        throw new IllegalStateException("the checked scenario lost policy " + observation.policy());
    }
}
