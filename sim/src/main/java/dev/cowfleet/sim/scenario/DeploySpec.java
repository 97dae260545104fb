package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Deploys restart every worker in waves. Either explicit start times ({@code at}) or a number per day.
 *
 * @param atSeconds           explicit start times within the run, ascending; empty when timesPerDay is used
 * @param timesPerDay         deploys per day, evenly spaced; 0 when explicit times are used
 * @param waveSize            fraction of the workers restarted per wave
 * @param waveIntervalSeconds time between waves
 */
public record DeploySpec(List<Double> atSeconds, long timesPerDay, double waveSize, double waveIntervalSeconds) {

    private static final double DAY_SECONDS = 86_400;

    public DeploySpec {
        atSeconds = List.copyOf(atSeconds);
    }

    /** Deploy start times before {@code runSeconds}: the explicit ones, or every day / timesPerDay from then on. */
    public List<Double> startTimes(double runSeconds) {
        if (timesPerDay == 0) {
            return atSeconds.stream().filter(t -> t < runSeconds).toList();
        }
        List<Double> starts = new ArrayList<>();
        double period = DAY_SECONDS / timesPerDay;
        for (long k = 1; k * period < runSeconds; k++) {
            starts.add(k * period);
        }
        return List.copyOf(starts);
    }
}
