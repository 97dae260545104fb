package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ScenarioException;
import dev.cowfleet.sim.scenario.Units;
import dev.cowfleet.sim.scenario.WhatIfSpec;
import dev.cowfleet.sim.sweep.IneffectiveKeys;
import dev.cowfleet.sim.sweep.PointResult;
import dev.cowfleet.sim.sweep.Sweep;
import dev.cowfleet.sim.sweep.SweepGrid;
import dev.cowfleet.sim.run.WorkEstimate;
import dev.cowfleet.sim.sweep.SweepWriter;
import dev.cowfleet.sim.sweep.Tornado;
import dev.cowfleet.sim.sweep.VaryAxis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cowfleet sweep}: the scenario over a grid of key values, and optionally a tornado chart. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Runs the scenario at every combination of the varied keys' values (the capacity plan when "
                + "it has a fleet section, else one host), with the same seed at every point; writes sweep.csv and "
                + "charts against the first varied key, and a tornado chart when asked.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "A scenario file.")
    Path scenarioFile;

    @Option(names = "--vary", paramLabel = "KEY.PATH=V1,V2,...", completionCandidates = KeyPathCandidates.class,
            description = "A key and its values (repeatable; the grid is every combination). Replaces the "
                    + "scenario's whatIf.vary.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--tornado", paramLabel = "PERCENT",
            description = "Also moves each tornado key down and up by this share, e.g. 20%% (default: whatIf.tornado).")
    String tornadoPercent;

    @Option(names = "--tornado-key", paramLabel = "KEY.PATH",
            description = "A numeric key for the tornado chart (repeatable; default: whatIf.tornado.keys).")
    List<String> tornadoKeys = new ArrayList<>();

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioSource source = options.scenario(scenarioFile);
        Scenario scenario = source.load();
        Optional<WhatIfSpec> whatIf = scenario.whatIf();
        SweepGrid grid = new SweepGrid(axes(whatIf));
        List<Scenario> pointScenarios = Sweep.validate(source, grid);
        Path folder = options.out != null ? options.out : Path.of("output", scenario.name() + "-sweep");
        OutputTarget.require(() -> SweepWriter.checkTarget(folder));
        Optional<WhatIfSpec.Tornado> asked = tornado(whatIf);
        // Checked before the grid runs: a bad tornado key should not cost a whole sweep.
        asked.ifPresent(t -> Tornado.validate(source, t.fraction(), t.keys()));
        List<String> keys = new ArrayList<>(grid.keys());
        asked.ifPresent(t -> keys.addAll(t.keys()));
        IneffectiveKeys.warnings(scenario, keys).forEach(w -> spec.commandLine().getErr().println("cowfleet: " + w));
        WorkCheck.requireSweep(pointScenarios.stream().map(p -> WorkEstimate.ofHostExperiment(p, options.threads()))
                .toList(), options, spec.commandLine().getErr());
        Optional<Tornado.Result> tornado;
        List<PointResult> points;
        try (ExecutionEngine engine = options.openEngine()) {
            points = Sweep.run(source, grid, engine, label -> options.progress(scenario.name() + " " + label));
            tornado = asked.map(t -> Tornado.run(source, t.fraction(), t.keys(), engine,
                    label -> options.progress(scenario.name() + " " + label)));
        }
        OutputTarget.require(() -> SweepWriter.write(grid, points, tornado, folder));
        if (!options.quiet) {
            out.printf("%d points x %d policies%s%n", points.size(), scenario.policies().size(),
                    tornado.map(t -> "; tornado follows " + t.policy()).orElse(""));
        }
        out.printf("sweep: %s%n", folder.resolve("sweep.csv"));
        return ExitCodes.OK;
    }

    /** The command line's axes win over the file's whatIf.vary as a whole, so a sweep is what was typed. */
    private List<VaryAxis> axes(Optional<WhatIfSpec> whatIf) {
        if (!vary.isEmpty()) {
            return vary.stream().map(VaryAxis::parse).toList();
        }
        List<VaryAxis> axes = new ArrayList<>();
        whatIf.ifPresent(w -> w.vary().forEach((key, values) -> axes.add(new VaryAxis(key, values))));
        return axes;
    }

    private Optional<WhatIfSpec.Tornado> tornado(Optional<WhatIfSpec> whatIf) {
        Optional<WhatIfSpec.Tornado> file = whatIf.flatMap(WhatIfSpec::tornado);
        if (tornadoPercent == null) {
            if (!tornadoKeys.isEmpty() && file.isEmpty()) {
                throw new BadInputException("--tornado-key needs --tornado PERCENT (or whatIf.tornado.percent)");
            }
            return file.map(t -> tornadoKeys.isEmpty() ? t : new WhatIfSpec.Tornado(t.fraction(), tornadoKeys));
        }
        double fraction = fraction(tornadoPercent);
        List<String> keys = !tornadoKeys.isEmpty() ? tornadoKeys
                : file.map(WhatIfSpec.Tornado::keys).orElseThrow(() -> new BadInputException(
                        "--tornado needs the keys to move: --tornado-key KEY.PATH (repeatable) or whatIf.tornado.keys"));
        return Optional.of(new WhatIfSpec.Tornado(fraction, keys));
    }

    private static double fraction(String text) {
        double fraction;
        try {
            fraction = Units.fraction(text);
        } catch (ScenarioException e) {
            throw new BadInputException("--tornado: expected a share like 20%, got '" + text + "'");
        }
        if (fraction <= 0 || fraction >= 1) {
            throw new BadInputException("--tornado: expected a share between 0% and 100% like 20%, got '" + text + "'");
        }
        return fraction;
    }
}
