package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.fleet.FleetPlanner;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.HostExperiment;
import dev.cowfleet.sim.run.ScenarioSource;

/**
 * What a sweep runs at each point: the capacity plan when the scenario has a fleet section (hosts and cost
 * are what a what-if is asked about), else the single-host experiment. Every point keeps the scenario's
 * seed, so points and policies share common random numbers.
 */
enum Simulation {
    FLEET, HOST;

    static Simulation of(ScenarioSource source) {
        return source.load().fleet().isPresent() ? FLEET : HOST;
    }

    RunResult run(ScenarioSource source, ExecutionEngine engine, Progress progress) {
        return this == FLEET ? FleetPlanner.plan(source, engine, progress) : HostExperiment.run(source, engine, progress);
    }
}
