package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.report.CompareTable;
import dev.cowfleet.sim.run.HostExperiment;
import java.io.IOException;
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
        return ReportedRun.execute(options, scenarioFile, "run", "simulating", HostExperiment::run, CompareTable::render,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
