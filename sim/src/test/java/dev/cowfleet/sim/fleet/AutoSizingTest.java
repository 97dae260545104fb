package dev.cowfleet.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code workersPerHost: auto} picks the largest worker count whose p99 host memory fits the budget (RAM
 * minus headroom): never above it, and one more worker would not fit, which a fixed count of auto + 1,
 * simulated on the same random streams, must report as a warning.
 */
class AutoSizingTest {
    private static RunResult auto;

    @BeforeAll
    static void planOnce() {
        auto = SmallPlan.plan();
    }

    @Test
    void everyPlannedPercentileFitsTheBudget() {
        for (PolicyResult policy : auto.policies()) {
            for (CapacityFigures.HostTypePlan type : policy.capacity().byHostType()) {
                assertTrue(type.memoryPercentileMiB() <= type.budgetMiB(), () -> policy.name() + " on "
                        + type.hostType() + ": p99 " + type.memoryPercentileMiB() + " MiB > budget " + type.budgetMiB());
                assertTrue(policy.capacity().warnings().isEmpty(), () -> policy.name() + ": " + policy.capacity().warnings());
            }
        }
    }

    @Test
    void oneWorkerMoreThanAutoDoesNotFit() {
        TreeSet<Integer> counts = new TreeSet<>();
        auto.policies().forEach(p -> p.capacity().byHostType().forEach(t -> counts.add(t.workersPerHost() + 1)));
        List<String> missing = new ArrayList<>();
        for (int fixed : counts) {
            RunResult overfull = SmallPlan.plan("fleet.workersPerHost=" + fixed);
            for (PolicyResult policy : auto.policies()) {
                List<String> warnings = overfull.policy(policy.name()).capacity().warnings();
                for (CapacityFigures.HostTypePlan type : policy.capacity().byHostType()) {
                    String expected = policy.name() + " on " + type.hostType() + ": " + fixed + " workers need";
                    if (type.workersPerHost() + 1 == fixed && warnings.stream().noneMatch(w -> w.startsWith(expected))) {
                        missing.add(expected + " (warnings: " + warnings + ")");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "auto left room for another worker: " + missing);
    }
}
