package dev.cowfleet.sim.result;

import dev.cowfleet.sim.scenario.EffectiveInput;

import java.util.List;

/**
 * The one result model of a run; every writer (JSON, CSV, charts, HTML, terminal table) renders it.
 * It is a pure function of scenario, seed and replications: no wall times or paths.
 */
public record RunResult(String scenario,
                        String question,
                        long seed,
                        int replications,
                        String baseline,
                        List<PolicyResult> policies,
                        List<EffectiveInput> inputs) {

    public PolicyResult policy(String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy " + name));
    }
}
