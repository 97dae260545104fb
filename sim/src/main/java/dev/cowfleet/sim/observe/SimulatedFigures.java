package dev.cowfleet.sim.observe;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.TimeSeries;

/** The compared figures read from a simulated policy, at the same worker age the measurement used. */
final class SimulatedFigures {
    private SimulatedFigures() {
    }

    /**
     * The simulation ran to the server's final stop ({@link ObservedSetupSimulation}), so every worker
     * exits in it, recycled or stopped, as every measured one does: the exit copy is the mean over them.
     */
    static Figures of(PolicyResult policy, double sharedAgeSeconds) {
        return new Figures(policy.worker().privateMiB().mean().mean(), policy.worker().privateMiB().max(),
                at(policy.workerLifetime(), "shared", sharedAgeSeconds),
                policy.host().memoryMiB().mean().mean(), policy.host().memoryMiB().max(),
                policy.worker().copiedMiBBySource().getOrDefault(CopySource.SHUTDOWN, 0.0));
    }

    /** A column linearly interpolated at {@code seconds}, held at the ends. */
    static double at(TimeSeries series, String column, double seconds) {
        double[] x = series.seconds();
        double[] y = series.column(column);
        if (x.length == 0) {
            return Double.NaN;
        }
        if (seconds <= x[0]) {
            return y[0];
        }
        for (int i = 1; i < x.length; i++) {
            if (seconds <= x[i]) {
                double f = (seconds - x[i - 1]) / (x[i] - x[i - 1]);
                return y[i - 1] + f * (y[i] - y[i - 1]);
            }
        }
        return y[y.length - 1];
    }
}
