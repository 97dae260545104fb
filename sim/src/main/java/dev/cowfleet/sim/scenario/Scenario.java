package dev.cowfleet.sim.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A validated scenario with every value resolved to base units (bytes, seconds, counts, fractions 0..1,
 * events per second). Built only by {@link ScenarioLoader}; every value in it is listed with its origin in
 * {@link #effectiveInputs()}.
 *
 * @param name               scenario name, used for the default output folder
 * @param question           the question the scenario answers
 * @param python             the Python version of the fleet, e.g. "3.6" (a policy may run another)
 * @param processManager     uWSGI or Gunicorn
 * @param seed               base random seed
 * @param replications       independent replications per policy
 * @param durationSeconds    simulated time per replication
 * @param sampleEverySeconds metric sampling grid
 * @param server             the scenario's server settings (each policy carries its effective copy)
 * @param deploys            deploys during the run, if any
 * @param baseline           name of the policy savings are measured against
 * @param policies           the policies to compare, in file order
 * @param effectiveInputs    every effective value with its origin, sorted by key path
 * @param fleet              the fleet and capacity-planning inputs, if the scenario plans a fleet
 * @param whatIf             the sweep and tornado the scenario asks {@code cowfleet sweep} for, if any
 */
public record Scenario(String name, String question, String python, ProcessManager processManager, long seed,
                       int replications, double durationSeconds, double sampleEverySeconds, HostSpec host,
                       HeapSpec heap, WorkloadSpec workload, CostSpec costs, ServerSpec server,
                       Optional<DeploySpec> deploys, String baseline, List<PolicySpec> policies,
                       List<EffectiveInput> effectiveInputs, Optional<FleetSpec> fleet,
                       Optional<WhatIfSpec> whatIf) {

    /** Replications beyond this narrow an interval by less than 1% of one replication's: only the wait grows. */
    public static final int MAX_REPLICATIONS = 10_000;

    public Scenario {
        policies = List.copyOf(policies);
        effectiveInputs = List.copyOf(effectiveInputs);
    }

    public PolicySpec policy(String policyName) {
        return policies.stream().filter(p -> p.name().equals(policyName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy '" + policyName + "' in scenario " + name));
    }

    public PolicySpec baselinePolicy() {
        return policy(baseline);
    }
}
