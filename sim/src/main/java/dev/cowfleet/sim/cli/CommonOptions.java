package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.exec.Engines;
import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every simulating command takes. */
final class CommonOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: output/<scenario-name>/).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
    Long seed;

    @Option(names = "--replications", paramLabel = "N", description = "Overrides the scenario's replications.")
    Integer replications;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    int threads;

    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE", completionCandidates = KeyPathCandidates.class,
            description = "Overrides a scenario key, validated like the file (repeatable), e.g. --set host.workers=40.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quiet",
            description = "Prints only errors and the last two lines: the report's path and the headline.")
    boolean quiet;

    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local",
            description = "Execution engine: local threads (default) or Apache Spark.")
    String engine;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark master for --engine spark (default: local[*], or what spark-submit set).")
    String sparkMaster;

    /** The scenario with --set, --seed and --replications applied, in that order. */
    ScenarioSource scenario(Path file) {
        List<String> all = new ArrayList<>(sets);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        if (replications != null) {
            if (replications < 1) {
                throw new BadInputException("--replications must be at least 1, got " + replications);
            }
            if (replications > Scenario.MAX_REPLICATIONS) {
                throw new BadInputException("--replications must be at most " + Scenario.MAX_REPLICATIONS + ", got "
                        + replications + " (an interval narrows with the square root of the replications: at 10000 it is "
                        + "1% of one run's spread)");
            }
            all.add("replications=" + replications);
        }
        return ScenarioSource.read(file, all);
    }

    int threads() {
        if (threads < 0) {
            throw new BadInputException("--threads must be at least 1 (or 0 for all cores), got " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    ExecutionEngine openEngine() {
        try {
            return Engines.create(engine, threads(), sparkMaster);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    Progress progress(String label) {
        return quiet ? Progress.NONE : ProgressBar.onTerminal(label);
    }

    Path outputFolder(String scenarioName) {
        return out != null ? out : Path.of("output", scenarioName);
    }
}
