package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.Comparator;
import java.util.Optional;

/**
 * The one sentence that answers a scenario's question, first on report.html and last on the terminal:
 * the policy that saves the most host memory against the baseline, its saving in percent with the 95%
 * interval and in MiB or GiB per host, and with a capacity plan the hosts and money a year it saves.
 */
public final class Headline {

    private static final double MIB_PER_GIB = 1024;

    private Headline() {
    }

    public static String of(RunResult result) {
        PolicyResult baseline = result.policy(result.baseline());
        Optional<PolicyResult> best = best(result);
        if (best.isEmpty()) {
            return "Only " + baseline.name() + " was simulated: host memory " + size(hostMean(baseline))
                    + "; add a policy to compare against it.";
        }
        PolicyResult policy = best.get();
        Estimate saving = policy.savingsVsBaselineHostMemoryPercent();
        double savedMiB = hostMean(baseline) - hostMean(policy);
        StringBuilder text = new StringBuilder();
        if (saving.mean() > 0) {
            text.append(policy.name()).append(" saves ").append(percent(saving)).append(" of host memory (")
                    .append(size(savedMiB)).append(" of ").append(size(hostMean(baseline)))
                    .append(" per host) against ")
                    .append(baseline.name());
        } else {
            text.append("No policy saves host memory against ").append(baseline.name()).append("; the closest, ")
                    .append(policy.name()).append(", changes it by ").append(percent(saving)).append(" (")
                    .append(size(-savedMiB)).append(" per host more)");
        }
        if (saving.ci95Low() <= 0 && saving.ci95High() >= 0) {
            text.append(", within the noise of ").append(result.replications())
                    .append(result.replications() == 1 ? " replication" : " replications");
        }
        CapacityFigures plan = policy.capacity();
        if (plan != null) {
            text.append("; across the fleet ").append(Numbers.withInterval(plan.savingsHosts(), 0))
                    .append(" fewer hosts and ").append(Numbers.moneyWithInterval(plan.savingsAnnualCost()))
                    .append(" a year");
        }
        return text.append('.').toString();
    }

    /** The non-baseline policy with the largest mean host-memory saving; ties keep scenario order. */
    static Optional<PolicyResult> best(RunResult result) {
        return result.policies().stream().filter(p -> !p.name().equals(result.baseline()))
                .max(Comparator.comparingDouble(p -> p.savingsVsBaselineHostMemoryPercent().mean()));
    }

    private static double hostMean(PolicyResult policy) {
        return policy.host().memoryMiB().mean().mean();
    }

    /** "37.4% ± 0.1". */
    private static String percent(Estimate e) {
        return Numbers.fixed(e.mean(), 1) + "% ± " + Numbers.fixed((e.ci95High() - e.ci95Low()) / 2, 1);
    }

    /** MiB below a GiB, else GiB with one decimal: "512 MiB", "3.4 GiB". */
    static String size(double mib) {
        return Math.abs(mib) < MIB_PER_GIB ? Numbers.fixed(mib, 0) + " MiB"
                : Numbers.fixed(mib / MIB_PER_GIB, 1) + " GiB";
    }
}
