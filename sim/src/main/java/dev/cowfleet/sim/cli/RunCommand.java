package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.report.CompareTable;
import dev.cowfleet.sim.report.ReportWriter;
import dev.cowfleet.sim.report.RunInfo;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.HostExperiment;
import dev.cowfleet.sim.run.ScenarioSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cowfleet run}: simulate every policy of a scenario and write the report folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulates every policy of a scenario on one host and writes summary.json, CSVs, charts "
                + "and report.html.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "A scenario file, e.g. scenarios/instagram-2017.yaml.")
    Path scenarioFile;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioSource source = options.scenario(scenarioFile);
        String name = source.load().name();
        long start = System.nanoTime();
        RunResult result;
        String engineName;
        try (ExecutionEngine engine = options.openEngine()) {
            engineName = engine.describe();
            result = HostExperiment.run(source, engine, options.progress("simulating " + name));
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        Path folder = options.outputFolder(name);
        try {
            ReportWriter.write(result, new RunInfo(wallSeconds, options.threads(), engineName, VersionProvider.current()),
                    folder);
        } catch (IllegalArgumentException e) { // ReportWriter's contract: --out is a folder it must not replace
            throw new BadInputException(e.getMessage());
        }
        if (!options.quiet) {
            out.print(CompareTable.render(result));
        }
        out.printf("report: %s%n", folder.resolve("report.html"));
        return ExitCodes.OK;
    }
}
