package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.RunResult;

/**
 * The capacity plan per policy and host type, for {@code cowfleet plan} on the terminal: the same
 * {@link CapacityTables} report.html shows, laid out as text.
 */
public final class CapacityTable {
    private CapacityTable() {
    }

    public static String render(RunResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.scenario()).append(": ").append(result.question()).append('\n');
        out.append(String.format("seed %d, %d replications, savings against '%s'%n%n", result.seed(),
                result.replications(), result.baseline()));
        out.append(TextTable.render(CapacityTables.byHostType(result))).append('\n');
        out.append(TextTable.render(CapacityTables.totals(result)));
        for (String warning : CapacityTables.warnings(result)) {
            out.append("warning: ").append(warning).append('\n');
        }
        return out.toString();
    }
}
