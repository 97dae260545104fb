package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.report.Headline;
import dev.cowfleet.sim.report.ReportWriter;
import dev.cowfleet.sim.report.RunInfo;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.run.WorkEstimate;
import dev.cowfleet.sim.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
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

    /** Why the table's intervals read "n/a": said where the table is, not left for the user to guess. */
    static Optional<String> singleReplicationNote(RunResult result) {
        return result.replications() == 1
                ? Optional.of("intervals are n/a: one replication has no spread to measure; use --replications 2 "
                        + "or more for 95% confidence intervals")
                : Optional.empty();
    }

    static int execute(CommonOptions options, Path scenarioFile, String command, String verb, Simulation simulation,
                       Function<RunResult, String> table, PrintWriter out, PrintWriter err) throws IOException {
        ScenarioSource source = options.scenario(scenarioFile);
        Scenario scenario = source.load();
        String name = scenario.name();
        Path folder = options.outputFolder(name);
        OutputTarget.require(() -> ReportWriter.checkTarget(folder));
        WorkCheck.require(command.equals("plan") ? WorkEstimate.ofPlan(scenario, options.threads())
                : WorkEstimate.ofHostExperiment(scenario, options.threads()), options, err);
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
            singleReplicationNote(result).ifPresent(out::println);
        }
        out.printf("report: %s%n", folder.resolve("report.html"));
        out.println(Headline.of(result));
        return ExitCodes.OK;
    }
}
