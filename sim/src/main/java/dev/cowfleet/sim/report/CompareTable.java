package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;

/**
 * The side-by-side table of policies that {@code cowfleet compare} prints: the question, the key
 * table with units in its headings and the baseline marked, then what each policy does.
 */
public final class CompareTable {
    private CompareTable() {
    }

    public static String render(RunResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.scenario()).append(": ").append(result.question()).append('\n');
        out.append("seed ").append(result.seed()).append(", ").append(result.replications())
                .append(result.replications() == 1 ? " replication" : " replications")
                .append(", savings against '").append(result.baseline()).append("'\n\n");
        out.append(TextTable.render(FigureTable.keyFigures(result))).append('\n');
        int width = 0;
        for (PolicyResult policy : result.policies()) {
            width = Math.max(width, policy.name().length());
        }
        for (PolicyResult policy : result.policies()) {
            out.append("  ").append(policy.name()).append(" ".repeat(width - policy.name().length()))
                    .append("  ").append(policy.description()).append('\n');
        }
        return out.toString();
    }
}
