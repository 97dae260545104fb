package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The optional {@code deploys} section: deploys restart every worker in waves. Either explicit start times
 * ({@code at}) or a number per day.
 *
 * @param atSeconds           explicit start times within the run, ascending; empty when timesPerDay is used
 * @param timesPerDay         deploys per day, evenly spaced; 0 when explicit times are used
 * @param waveSize            fraction of the workers restarted per wave
 * @param waveIntervalSeconds time between waves
 */
public record DeploySpec(List<Double> atSeconds, long timesPerDay, double waveSize, double waveIntervalSeconds) {

    private static final double DAY_SECONDS = 86_400;

    static final Keys KEYS = new Keys();
    private static final Key.Value<List<Double>> AT = KEYS.derived("at", Kinds.DURATIONS, "give at or timesPerDay",
            "Times into the run at which a deploy starts, like [1h, 13h].");
    private static final Key.Value<Long> TIMES_PER_DAY = KEYS.derived("timesPerDay", Kinds.COUNT,
            "give at or timesPerDay", "Deploys per day, evenly spaced (instead of at).");
    private static final Key.Value<Double> WAVE_SIZE = KEYS.optional("waveSize", Kinds.FRACTION, 1.0,
            "Share of workers restarted together in one wave.");
    private static final Key.Value<Double> WAVE_INTERVAL = KEYS.optional("waveInterval", Kinds.DURATION, 30.0,
            "Time between waves of one deploy.");
    /** A deploy restarts every worker; more than one a minute is no longer a deploy schedule but a restart loop. */
    private static final long MAX_TIMES_PER_DAY = 1440;

    static Optional<DeploySpec> read(Optional<Section> section, double runSeconds) {
        return section.map(s -> read(s, runSeconds));
    }

    private static DeploySpec read(Section s, double runSeconds) {
        if (s.has(AT) && s.has(TIMES_PER_DAY)) {
            throw s.fail(TIMES_PER_DAY, "give either deploys.at or deploys.timesPerDay, not both");
        }
        if (!s.has(AT) && !s.has(TIMES_PER_DAY)) {
            throw s.fail(AT, "missing, expected start times like [1h, 13h] (or timesPerDay: 4)");
        }
        List<Double> at = new ArrayList<>(s.ifPresent(AT).orElse(List.of()));
        for (double t : at) {
            if (t >= runSeconds) {
                throw s.fail(AT, Units.formatDuration(t) + " is not within the run (duration "
                        + Units.formatDuration(runSeconds) + ")");
            }
        }
        Collections.sort(at);
        long timesPerDay = s.ifPresent(TIMES_PER_DAY).orElse(0L);
        if (s.has(TIMES_PER_DAY) && timesPerDay == 0) {
            throw s.fail(TIMES_PER_DAY, "expected at least 1 deploy per day, got 0 (leave deploys out instead)");
        }
        if (timesPerDay > MAX_TIMES_PER_DAY) {
            throw s.fail(TIMES_PER_DAY, "expected at most " + MAX_TIMES_PER_DAY
                    + " deploys per day (one a minute), got "
                    + Units.formatCount(timesPerDay));
        }
        double waveSize = s.optional(WAVE_SIZE);
        if (waveSize == 0) {
            throw s.fail(WAVE_SIZE, "expected a fraction of workers above 0% like 25%, got 0%");
        }
        double waveInterval = s.optional(WAVE_INTERVAL);
        return new DeploySpec(at, timesPerDay, waveSize, waveInterval);
    }

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
