package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The capacity plan as {@link Table}s, built once for both {@code cowfleet plan} on the terminal and
 * the "Capacity plan" section of report.html. Policies without a plan are left out; the baseline's
 * rows are marked because savings are measured against them.
 */
final class CapacityTables {
    private CapacityTables() {
    }

    static boolean anyPlan(RunResult result) {
        return result.policies().stream().anyMatch(p -> p.capacity() != null);
    }

    static boolean anyFleet(RunResult result) {
        return result.policies().stream().anyMatch(p -> p.fleet() != null);
    }

    /** One row per policy and host type: what one host of that type holds and how many the plan buys. */
    static Table byHostType(RunResult result) {
        return FigureTable.of(result, p -> p.capacity() == null ? List.of() : p.capacity().byHostType(),
                PolicyFigures.HOST_TYPE_TABLE);
    }

    /** One row per policy: the whole plan and what it saves against the baseline. */
    static Table totals(RunResult result) {
        return FigureTable.of(result, p -> p.capacity() == null ? List.of() : List.of(p.capacity()),
                PolicyFigures.CAPACITY_TABLE);
    }

    /** Today's fleet (the host types' current counts) running each policy. */
    static Table fleet(RunResult result) {
        return FigureTable.of(result, p -> p.fleet() == null ? List.of() : List.of(p.fleet()), PolicyFigures.FLEET_TABLE);
    }

    /** Every policy's planning warnings, each prefixed with the policy it concerns. */
    static List<String> warnings(RunResult result) {
        List<String> out = new ArrayList<>();
        for (PolicyResult policy : result.policies()) {
            if (policy.capacity() != null) {
                policy.capacity().warnings().forEach(w -> out.add(policy.name() + ": " + w));
            }
        }
        return out;
    }
}
