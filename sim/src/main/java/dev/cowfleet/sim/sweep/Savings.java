package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.Comparator;

/** The saving a what-if is judged by: hosts saved in percent for a fleet, host memory saved for one host. */
final class Savings {

    private Savings() {
    }

    static Estimate of(PolicyResult policy) {
        return policy.capacity() != null ? policy.capacity().savingsPercent() : policy.savingsVsBaselineHostMemoryPercent();
    }

    /** The non-baseline policy that saves most, the one a tornado chart follows. */
    static String bestPolicy(RunResult result) {
        return result.policies().stream().filter(p -> !p.name().equals(result.baseline()))
                .max(Comparator.comparingDouble(p -> of(p).mean())).map(PolicyResult::name)
                .orElseThrow(() -> new IllegalArgumentException("a tornado chart needs a policy besides the baseline '"
                        + result.baseline() + "', scenario " + result.scenario() + " has none"));
    }
}
