package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.fleet.FleetPlanner;
import dev.cowfleet.sim.report.CapacityTable;
import dev.cowfleet.sim.report.ReportWriter;
import dev.cowfleet.sim.report.RunInfo;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.ScenarioSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cowfleet plan}: workers per host, hosts needed and annual cost per policy and host type. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plans capacity for the scenario's fleet section: workers per host, throughput, hosts "
                + "needed and annual cost per policy and host type; writes the report folder too.")
final class PlanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "A scenario file with a fleet section.")
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
            result = FleetPlanner.plan(source, engine, options.progress("planning " + name));
        }
        Path folder = options.outputFolder(name);
        ReportWriter.write(result, new RunInfo((System.nanoTime() - start) / 1e9, options.threads(), engineName,
                VersionProvider.current()), folder);
        if (!options.quiet) {
            out.print(CapacityTable.render(result));
        }
        out.printf("report: %s%n", folder.resolve("report.html"));
        return ExitCodes.OK;
    }
}
