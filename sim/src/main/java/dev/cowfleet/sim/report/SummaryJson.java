package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.FleetFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * summary.json: the machine-readable answer whose key names are binding, because other
 * tools read them. A pure function of the result: no timestamps, wall times or paths. Keys appear in
 * the contract's order, policies in scenario order; further keys may be added but never renamed.
 * Each policy's figures, their keys and their order are declared in {@link PolicyFigures}.
 */
public final class SummaryJson {
    public static final String FILE_NAME = "summary.json";

    private SummaryJson() {
    }

    public static String render(RunResult result) {
        ObjectNode root = JsonOutput.object();
        root.put("scenario", result.scenario());
        root.put("question", result.question());
        root.put("seed", result.seed());
        root.put("replications", result.replications());
        root.put("baseline", result.baseline());
        ObjectNode policies = root.putObject("policies");
        for (PolicyResult policy : result.policies()) {
            Figure.putAll(policies.putObject(policy.name()), PolicyFigures.POLICY, policy);
        }
        FleetFigures fleet = result.policy(result.baseline()).fleet();
        if (fleet != null) {
            // The top-level fleet is today's fleet under the baseline; each policy carries its own too.
            Figure.putAll(root.putObject("fleet"), PolicyFigures.FLEET, fleet);
        }
        return JsonOutput.text(root);
    }
}
