package dev.cowfleet.sim.result;

import java.util.List;

/**
 * Values sampled on a common time grid, averaged over replications.
 *
 * @param seconds   sample times in simulated seconds since the start of the run
 * @param columns   column names, e.g. "master", "refcount", "gc", ... (MiB)
 * @param values    values[i][j] is column j at sample i
 */
public record TimeSeries(double[] seconds, List<String> columns, double[][] values) {
    public int size() {
        return seconds.length;
    }

    public double[] column(String name) {
        int j = columns.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        double[] out = new double[seconds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i][j];
        }
        return out;
    }
}
