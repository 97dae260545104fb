package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a sweep grid. Every point is loaded and validated before the first simulation starts, so a typo in
 * the last value fails in a second rather than after an hour of simulating the others.
 */
public final class Sweep {

    private Sweep() {
    }

    /** Checks every axis value on its own (so the error names its key), then every combination. */
    /** Loads every value of every axis, then every point; returns the points' scenarios in grid order. */
    public static List<Scenario> validate(ScenarioSource source, SweepGrid grid) {
        for (VaryAxis axis : grid.axes()) {
            for (String value : axis.values()) {
                try {
                    source.with(List.of(axis.key() + "=" + value)).load();
                } catch (ScenarioException e) {
                    throw new ScenarioException("--vary " + axis.key() + "=" + value + ": " + e.getMessage());
                }
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (SweepPoint point : grid.points()) {
            try {
                scenarios.add(source.with(point.overrides()).load());
            } catch (ScenarioException e) {
                throw new ScenarioException("--vary point " + String.join(" ", point.overrides()) + ": " + e.getMessage());
            }
        }
        return scenarios;
    }

    /**
     * @param progress a progress display per point, given a label like "host.workers=40"
     */
    public static List<PointResult> run(ScenarioSource source, SweepGrid grid, ExecutionEngine engine,
                                        Function<String, Progress> progress) {
        validate(source, grid);
        Simulation simulation = Simulation.of(source);
        List<PointResult> results = new ArrayList<>();
        for (SweepPoint point : grid.points()) {
            results.add(new PointResult(point, simulation.run(source.with(point.overrides()), engine,
                    progress.apply(String.join(" ", point.overrides())))));
        }
        return results;
    }
}
