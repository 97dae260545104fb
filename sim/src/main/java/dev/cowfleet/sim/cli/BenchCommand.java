package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.fleet.FleetBench;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cowfleet bench}: simulates a fixed fleet (70 workers per host, 24 simulated hours, 1-minute
 * samples) and prints, as its last line, {@code hosts=N hostDays=X wallSeconds=X hostDaysPerSecond=X
 * peakHeapMiB=X} (binding: other tools read it).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times the simulation of a fixed fleet: 70 workers per host, 24 simulated hours, 1-minute samples.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--hosts", paramLabel = "N", defaultValue = "1000", description = "Hosts to simulate (default 1000).")
    int hosts;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (hosts < 1) {
            throw new BadInputException("--hosts must be at least 1, got " + hosts);
        }
        long start = System.nanoTime();
        FleetBench.Outcome outcome;
        try (ExecutionEngine engine = options.openEngine()) {
            outcome = FleetBench.run(hosts, engine, options.progress("bench"));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double peakHeapMiB = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
        spec.commandLine().getOut().printf("hosts=%d hostDays=%.1f wallSeconds=%.2f hostDaysPerSecond=%.3f peakHeapMiB=%.0f%n",
                outcome.hosts(), outcome.hostDays(), wall, outcome.hostDays() / wall, peakHeapMiB);
        return ExitCodes.OK;
    }
}
