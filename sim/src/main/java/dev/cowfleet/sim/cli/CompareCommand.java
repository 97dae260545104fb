package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.report.CompareTable;
import dev.cowfleet.sim.report.Headline;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.HostExperiment;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.run.WorkEstimate;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cowfleet compare}: the policies of a scenario side by side on the terminal; writes no files. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Simulates every policy of a scenario and prints them side by side (writes no files).")
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "A scenario file.")
    Path scenarioFile;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioSource source = options.scenario(scenarioFile);
        if (options.out != null) {
            throw new BadInputException("compare writes no files; use 'cowfleet run --out DIR' for a report");
        }
        WorkCheck.require(WorkEstimate.ofHostExperiment(source.load(), options.threads()), options,
                spec.commandLine().getErr());
        RunResult result;
        try (ExecutionEngine engine = options.openEngine()) {
            result = HostExperiment.run(source, engine, options.progress("comparing"));
        }
        spec.commandLine().getOut().print(CompareTable.render(result));
        ReportedRun.singleReplicationNote(result).ifPresent(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().println(Headline.of(result));
        return ExitCodes.OK;
    }
}
