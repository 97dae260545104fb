package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.fleet.FleetPlanner;
import dev.cowfleet.sim.report.CapacityTable;
import java.io.IOException;
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
        return ReportedRun.execute(options, scenarioFile, "plan", "planning", FleetPlanner::plan, CapacityTable::render,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
