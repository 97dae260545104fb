package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.scenario.EffectiveInput;
import dev.cowfleet.sim.run.HostPlans;
import dev.cowfleet.sim.scenario.PolicySpec;
import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cowfleet validate}: checks a scenario (schema, units, and that the physics accepts it). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a scenario file; --explain prints every effective value and where it came from.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "A scenario file.")
    Path scenarioFile;

    @Option(names = "--explain", description = "Prints every effective value and its origin.")
    boolean explain;

    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
            completionCandidates = KeyPathCandidates.class, description = "Overrides a scenario key (repeatable).")
    List<String> sets = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario = ScenarioLoader.load(scenarioFile, sets);
        for (PolicySpec policy : scenario.policies()) {
            HostPlans.plan(scenario, policy); // the physics rejects what the schema cannot see
        }
        if (explain) {
            int keyWidth = scenario.effectiveInputs().stream().mapToInt(i -> i.key().length()).max().orElse(3);
            int valueWidth = scenario.effectiveInputs().stream().mapToInt(i -> i.value().length()).max().orElse(5);
            String format = "%-" + keyWidth + "s  %-" + valueWidth + "s  %s%n";
            out.printf(format, "key", "value", "origin");
            for (EffectiveInput input : scenario.effectiveInputs()) {
                out.printf(format, input.key(), input.value(), input.origin());
            }
        }
        out.printf("%s: valid scenario '%s' (Python %s, %d policies, baseline %s)%n", scenarioFile, scenario.name(),
                scenario.python(), scenario.policies().size(), scenario.baseline());
        return ExitCodes.OK;
    }
}
