package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;

/** The capacity plan per policy and host type, for {@code cowfleet plan} on the terminal. */
public final class CapacityTable {
    private CapacityTable() {
    }

    public static String render(RunResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.scenario()).append(": ").append(result.question()).append('\n');
        out.append(String.format("seed %d, %d replications, savings against '%s'%n%n", result.seed(),
                result.replications(), result.baseline()));
        int policyWidth = result.policies().stream().mapToInt(p -> p.name().length()).max().orElse(6)
                + " (baseline)".length();
        String row = "%-" + policyWidth + "s %-14s %8s %10s %12s %12s %10s %14s%n";
        out.append(String.format(row, "policy", "host type", "workers", "req/s", "p-mem MiB", "budget MiB",
                "hosts", "annual cost"));
        out.append("-".repeat(policyWidth + 86)).append('\n');
        for (PolicyResult policy : result.policies()) {
            CapacityFigures capacity = policy.capacity();
            if (capacity == null) {
                continue;
            }
            for (CapacityFigures.HostTypePlan plan : capacity.byHostType()) {
                out.append(String.format(row, policy.name(), plan.hostType(), plan.workersPerHost(),
                        String.format("%.1f", plan.requestsPerSecondPerHost()),
                        String.format("%.0f", plan.memoryPercentileMiB()), String.format("%.0f", plan.budgetMiB()),
                        String.format("%.0f", plan.hostsNeeded()), money(plan.annualCost())));
            }
        }
        out.append('\n');
        String total = "%-" + policyWidth + "s %16s %18s %22s %22s%n";
        out.append(String.format(total, "policy", "hosts needed", "annual cost", "saved hosts ±CI95",
                "saved cost % ±CI95"));
        out.append("-".repeat(policyWidth + 82)).append('\n');
        for (PolicyResult policy : result.policies()) {
            CapacityFigures c = policy.capacity();
            if (c == null) {
                continue;
            }
            String name = policy.name() + (policy.name().equals(result.baseline()) ? " (baseline)" : "");
            out.append(String.format(total, name, withCi(c.hostsNeeded(), "%.0f"), money(c.annualCost().mean()),
                    withCi(c.savingsHosts(), "%.0f"), withCi(c.savingsPercent(), "%.1f")));
            c.warnings().forEach(w -> out.append("  warning: ").append(w).append('\n'));
        }
        return out.toString();
    }

    private static String withCi(Estimate e, String format) {
        double half = (e.ci95High() - e.ci95Low()) / 2;
        return String.format(format, e.mean()) + " ±" + String.format(format, half);
    }

    private static String money(double amount) {
        return String.format("$%,.0f", amount);
    }
}
