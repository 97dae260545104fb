package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.report.Headline;
import dev.cowfleet.sim.report.ReportWriter;
import dev.cowfleet.sim.report.RunInfo;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.ScenarioSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The flow {@code run} and {@code plan} share: simulate on the engine the options ask for, write
 * the report folder atomically, print a table unless quiet, then the report's path.
 */
final class ReportedRun {
    /** A simulation of one scenario on an engine with its progress line. */
    @FunctionalInterface
    interface Simulation {
        RunResult run(ScenarioSource source, ExecutionEngine engine, Progress progress);
    }

    private ReportedRun() {
    }

    static int execute(CommonOptions options, Path scenarioFile, String command, String verb, Simulation simulation,
                       Function<RunResult, String> table, PrintWriter out) throws IOException {
        ScenarioSource source = options.scenario(scenarioFile);
        String name = source.load().name();
        Path folder = options.outputFolder(name);
        OutputTarget.require(() -> ReportWriter.checkTarget(folder));
        long start = System.nanoTime();
        RunResult result;
        String engineName;
        try (ExecutionEngine engine = options.openEngine()) {
            engineName = engine.describe();
            result = simulation.run(source, engine, options.progress(verb + " " + name));
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        RunInfo info = new RunInfo(wallSeconds, options.threads(), engineName, VersionProvider.current());
        OutputTarget.require(() -> ReportWriter.write(result, info, folder, command));
        if (!options.quiet) {
            out.print(table.apply(result));
        }
        out.printf("report: %s%n", folder.resolve("report.html"));
        out.println(Headline.of(result));
        return ExitCodes.OK;
    }
}
