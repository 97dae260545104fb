package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.result.FleetFigures;
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
    private static final List<Table.Column> HOST_TYPE_COLUMNS = List.of(
            new Table.Column(List.of("policy"), false),
            new Table.Column(List.of("host type"), false),
            new Table.Column(List.of("workers", "per host"), true),
            new Table.Column(List.of("throughput", "per host", "req/s"), true),
            new Table.Column(List.of("host memory", "at percentile", "MiB"), true),
            new Table.Column(List.of("RAM budget", "after headroom", "MiB"), true),
            new Table.Column(List.of("hosts", "type alone"), true),
            new Table.Column(List.of("hosts", "in plan"), true),
            new Table.Column(List.of("annual cost", "in plan"), true));

    private static final List<Table.Column> TOTAL_COLUMNS = List.of(
            new Table.Column(List.of("policy"), false),
            new Table.Column(List.of("workers", "per host"), true),
            new Table.Column(List.of("throughput", "per host", "req/s"), true),
            new Table.Column(List.of("hosts needed", "±CI95"), true),
            new Table.Column(List.of("annual cost", "±CI95"), true),
            new Table.Column(List.of("saved", "hosts", "±CI95"), true),
            new Table.Column(List.of("saved", "annual cost", "±CI95"), true),
            new Table.Column(List.of("saved", "cost", "% ±CI95"), true));

    private static final List<Table.Column> FLEET_COLUMNS = List.of(
            new Table.Column(List.of("policy"), false),
            new Table.Column(List.of("hosts"), true),
            new Table.Column(List.of("OOM kills", "±CI95"), true),
            new Table.Column(List.of("peak fleet", "memory", "TiB"), true));

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
        List<Table.Row> rows = new ArrayList<>();
        for (PolicyResult policy : result.policies()) {
            if (policy.capacity() == null) {
                continue;
            }
            boolean baseline = isBaseline(result, policy);
            for (CapacityFigures.HostTypePlan plan : policy.capacity().byHostType()) {
                rows.add(new Table.Row(List.of(
                        name(result, policy),
                        plan.hostType(),
                        Integer.toString(plan.workersPerHost()),
                        Numbers.fixed(plan.requestsPerSecondPerHost(), 1),
                        Numbers.fixed(plan.memoryPercentileMiB(), 0),
                        Numbers.fixed(plan.budgetMiB(), 0),
                        Numbers.fixed(plan.hostsNeededAlone(), 0),
                        Numbers.fixed(plan.hostsNeeded(), 0),
                        Numbers.money(plan.annualCost())),
                        baseline));
            }
        }
        return new Table(HOST_TYPE_COLUMNS, rows);
    }

    /** One row per policy: the whole plan and what it saves against the baseline. */
    static Table totals(RunResult result) {
        List<Table.Row> rows = new ArrayList<>();
        for (PolicyResult policy : result.policies()) {
            CapacityFigures c = policy.capacity();
            if (c == null) {
                continue;
            }
            rows.add(new Table.Row(List.of(
                    name(result, policy),
                    Integer.toString(c.workersPerHost()),
                    Numbers.fixed(c.requestsPerSecondPerHost(), 1),
                    Numbers.withInterval(c.hostsNeeded(), 0),
                    Numbers.moneyWithInterval(c.annualCost()),
                    Numbers.withInterval(c.savingsHosts(), 0),
                    Numbers.moneyWithInterval(c.savingsAnnualCost()),
                    Numbers.withInterval(c.savingsPercent(), 1)),
                    isBaseline(result, policy)));
        }
        return new Table(TOTAL_COLUMNS, rows);
    }

    /** Today's fleet (the host types' current counts) running each policy. */
    static Table fleet(RunResult result) {
        List<Table.Row> rows = new ArrayList<>();
        for (PolicyResult policy : result.policies()) {
            FleetFigures f = policy.fleet();
            if (f == null) {
                continue;
            }
            rows.add(new Table.Row(List.of(
                    name(result, policy),
                    Long.toString(f.hosts()),
                    Numbers.withInterval(f.oomKills(), 1),
                    Numbers.fixed(f.peakMemoryTiB(), 2)),
                    isBaseline(result, policy)));
        }
        return new Table(FLEET_COLUMNS, rows);
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

    private static boolean isBaseline(RunResult result, PolicyResult policy) {
        return policy.name().equals(result.baseline());
    }

    private static String name(RunResult result, PolicyResult policy) {
        return isBaseline(result, policy) ? policy.name() + KeyTable.BASELINE_MARK : policy.name();
    }
}
