package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Binds the optional {@code deploys} section: when every worker is restarted, and in which waves. */
final class DeployBinder {

    static final Keys KEYS = new Keys();
    private static final KeyDef<List<Double>> AT = KEYS.derived("at", Kinds.DURATIONS, "give at or timesPerDay",
            "Times into the run at which a deploy starts, like [1h, 13h].");
    private static final KeyDef<Long> TIMES_PER_DAY = KEYS.derived("timesPerDay", Kinds.COUNT,
            "give at or timesPerDay", "Deploys per day, evenly spaced (instead of at).");
    private static final KeyDef<Double> WAVE_SIZE = KEYS.optional("waveSize", Kinds.FRACTION, 1.0,
            "Share of workers restarted together in one wave.");
    private static final KeyDef<Double> WAVE_INTERVAL = KEYS.optional("waveInterval", Kinds.DURATION, 30.0,
            "Time between waves of one deploy.");
    /** A deploy restarts every worker; more than one a minute is no longer a deploy schedule but a restart loop. */
    static final long MAX_TIMES_PER_DAY = 1440;

    private DeployBinder() {
    }

    static Optional<DeploySpec> bind(Optional<Section> section, double runSeconds) {
        return section.map(s -> bind(s, runSeconds));
    }

    private static DeploySpec bind(Section s, double runSeconds) {
        if (s.has(AT) && s.has(TIMES_PER_DAY)) {
            throw s.fail("timesPerDay", "give either deploys.at or deploys.timesPerDay, not both");
        }
        if (!s.has(AT) && !s.has(TIMES_PER_DAY)) {
            throw s.fail("at", "missing, expected start times like [1h, 13h] (or timesPerDay: 4)");
        }
        List<Double> at = new ArrayList<>(s.ifPresent(AT).orElse(List.of()));
        for (double t : at) {
            if (t >= runSeconds) {
                throw s.fail("at", Units.formatDuration(t) + " is not within the run (duration "
                        + Units.formatDuration(runSeconds) + ")");
            }
        }
        Collections.sort(at);
        long timesPerDay = s.ifPresent(TIMES_PER_DAY).orElse(0L);
        if (s.has(TIMES_PER_DAY) && timesPerDay == 0) {
            throw s.fail("timesPerDay", "expected at least 1 deploy per day, got 0 (leave deploys out instead)");
        }
        if (timesPerDay > MAX_TIMES_PER_DAY) {
            throw s.fail("timesPerDay", "expected at most " + MAX_TIMES_PER_DAY + " deploys per day (one a minute), got "
                    + Units.formatCount(timesPerDay));
        }
        double waveSize = s.optional(WAVE_SIZE);
        if (waveSize == 0) {
            throw s.fail("waveSize", "expected a fraction of workers above 0% like 25%, got 0%");
        }
        double waveInterval = s.optional(WAVE_INTERVAL);
        return new DeploySpec(at, timesPerDay, waveSize, waveInterval);
    }
}
