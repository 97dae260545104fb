package dev.cowfleet.sim.observe;

import dev.cowfleet.sim.result.PolicyResult;

/**
 * An observation with its figures and, with {@code --scenario}, the simulation of the same setup.
 *
 * @param observation      what was measured
 * @param measured         figures from the measurement
 * @param sharedAgeSeconds the worker age at which "shared after a minute" was read (60 s or less)
 * @param simulation       the simulated policy, or null without a scenario
 * @param simulated        figures from the simulation, or null
 */
public record ObserveResult(Observation observation, Figures measured, double sharedAgeSeconds,
                            PolicyResult simulation, Figures simulated) {

    public static ObserveResult measuredOnly(Observation observation) {
        return new ObserveResult(observation, ObservedFigures.of(observation), sharedAge(observation), null, null);
    }

    public ObserveResult withSimulation(PolicyResult policy) {
        return new ObserveResult(observation, measured, sharedAgeSeconds, policy, SimulatedFigures.of(policy, sharedAgeSeconds));
    }

    static double sharedAge(Observation observation) {
        return ObservedFigures.sharedAge(observation.samples().stream().filter(s -> s.role().equals("worker")).toList());
    }
}
