package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.TimeSeries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * timeseries.csv: one row per policy and sample time with host memory by source and the mean worker's
 * shared and private memory, all in MiB; "seconds" is simulated time since the start of the run.
 * Columns are the union of the policies' columns in first-seen order; a policy lacking one leaves
 * the cell empty rather than inventing a zero.
 */
public final class TimeSeriesCsv {
    public static final String FILE_NAME = "timeseries.csv";

    private TimeSeriesCsv() {
    }

    public static String render(RunResult result) {
        Set<String> columns = new LinkedHashSet<>();
        for (PolicyResult policy : result.policies()) {
            columns.addAll(policy.hostMemoryOverTime().columns());
        }
        List<String> header = new ArrayList<>();
        header.add("policy");
        header.add("seconds");
        header.addAll(columns);
        Csv csv = new Csv(header);
        for (PolicyResult policy : result.policies()) {
            TimeSeries series = policy.hostMemoryOverTime();
            checkShape(policy.name(), series);
            for (int i = 0; i < series.size(); i++) {
                List<String> row = new ArrayList<>(header.size());
                row.add(policy.name());
                row.add(Numbers.machineText(series.seconds()[i]));
                for (String column : columns) {
                    int j = series.columns().indexOf(column);
                    row.add(j < 0 ? "" : Numbers.machineText(series.values()[i][j]));
                }
                csv.row(row);
            }
        }
        return csv.text();
    }

    private static void checkShape(String policy, TimeSeries series) {
        if (series.values().length != series.size()) {
            throw new IllegalArgumentException("policy '" + policy + "': host memory series has "
                    + series.size() + " sample times but " + series.values().length + " rows of values");
        }
        for (double[] row : series.values()) {
            if (row.length != series.columns().size()) {
                throw new IllegalArgumentException("policy '" + policy + "': host memory series row has "
                        + row.length + " values for columns " + series.columns());
            }
        }
    }
}
