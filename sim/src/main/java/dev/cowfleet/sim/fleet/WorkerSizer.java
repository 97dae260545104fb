package dev.cowfleet.sim.fleet;

import dev.cowfleet.models.fleet.Capacity;
import dev.cowfleet.sim.host.HostRunResult;
import dev.cowfleet.sim.run.HostPlans;
import dev.cowfleet.sim.scenario.FleetSpec;
import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;

/**
 * Workers per host at the memory percentile, by simulating hosts, not guessing: with
 * {@code workersPerHost: auto}, as many as the RAM budget holds (fitted linearly, verified by
 * simulating again, shrunk until the simulated percentile fits); with a fixed count, that count,
 * with a warning when it does not fit.
 */
final class WorkerSizer {
    private static final double MIB = 1024.0 * 1024.0;
    /** Rounds of re-sizing when the verified percentile still exceeds the budget. */
    private static final int SIZING_ROUNDS = 4;

    private final FleetRun run;
    private final Scenario scenario;
    private final FleetSpec fleet;

    WorkerSizer(FleetRun run) {
        this.run = run;
        this.scenario = run.scenario();
        this.fleet = run.fleet();
    }

    Sizing size(int policy, int type) {
        FleetSpec.HostTypeSpec hostType = fleet.hostTypes().get(type);
        double budget = (1 - fleet.headroom()) * hostType.ramBytes();
        List<String> warnings = new ArrayList<>();
        boolean auto = fleet.workersPerHost().auto();
        int workers = auto ? scenario.host().workers() : fleet.workersPerHost().fixed().getAsInt();
        List<HostRunResult> runs = sizingRuns(policy, type, workers);
        double master = masterBytes(policy);
        for (int round = 0; auto && round < SIZING_ROUNDS; round++) {
            int fit = Capacity.workersThatFit(budget, master, (maxPercentile(runs) - master) / workers);
            if (fit < 1) {
                throw noWorkerFits(policy, type, budget);
            }
            if (fit == workers && maxPercentile(runs) <= budget) {
                break;
            }
            // The fit is linear in workers; a host's percentile is not quite, so verify by simulating again.
            workers = maxPercentile(runs) > budget ? Math.min(fit, workers - 1) : fit;
            runs = sizingRuns(policy, type, workers);
        }
        while (auto && maxPercentile(runs) > budget) {
            // Still over after the linear rounds: shrink in proportion to the excess until it fits.
            int smaller = (int) Math.floor(workers * (budget - master) / (maxPercentile(runs) - master));
            workers = Math.min(workers - 1, smaller);
            if (workers < 1) {
                throw noWorkerFits(policy, type, budget);
            }
            runs = sizingRuns(policy, type, workers);
        }
        if (maxPercentile(runs) > budget) {
            warnings.add(String.format("%s on %s: %d workers need %.0f MiB at p%.0f, above the %.0f MiB budget",
                    scenario.policies().get(policy).name(), hostType.name(), workers, maxPercentile(runs) / MIB,
                    100 * fleet.memoryPercentile(), budget / MIB));
        }
        return new Sizing(type, workers, budget, runs, warnings);
    }

    /** The highest memory percentile among the replications' hosts: what must fit the budget. */
    double maxPercentile(List<HostRunResult> runs) {
        return runs.stream().mapToDouble(r -> r.hostMemory().quantile(fleet.memoryPercentile())).max().orElseThrow();
    }

    private ScenarioException noWorkerFits(int policy, int type, double budget) {
        return new ScenarioException(run.source().sourceName() + ": key 'fleet.hostTypes." + type + ".ram': no worker of "
                + "policy '" + scenario.policies().get(policy).name() + "' fits in " + Math.round(budget / MIB)
                + " MiB (RAM minus headroom)");
    }

    private List<HostRunResult> sizingRuns(int policy, int type, int workers) {
        List<HostRole> roles = new ArrayList<>();
        for (int r = 0; r < scenario.replications(); r++) {
            roles.add(new HostRole(policy, type, r, 0, workers, 1.0, 0.0));
        }
        return run.hosts(roles, false);
    }

    private double masterBytes(int policy) {
        return HostPlans.plan(scenario, scenario.policies().get(policy)).master().masterBytes();
    }
}
