package dev.cowfleet.sim.host;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * When workers are restarted for a deploy: each deploy restarts the host's workers in waves of
 * {@code waveFraction} of them, {@code waveIntervalSeconds} apart (100% = all at once).
 */
public record DeploySchedule(double[] startSeconds, double waveFraction, double waveIntervalSeconds)
        implements Serializable {

    public static DeploySchedule none() {
        return new DeploySchedule(new double[0], 1.0, 0.0);
    }

    /** One wave: at {@code time}, worker slots {@code fromSlot} (inclusive) to {@code toSlot} (exclusive). */
    record Wave(double time, int fromSlot, int toSlot) {
    }

    List<Wave> waves(int workers) {
        int perWave = Math.max(1, (int) Math.ceil(workers * waveFraction));
        List<Wave> waves = new ArrayList<>();
        for (double start : startSeconds) {
            for (int from = 0, i = 0; from < workers; from += perWave, i++) {
                waves.add(new Wave(start + i * waveIntervalSeconds, from, Math.min(workers, from + perWave)));
            }
        }
        return waves;
    }

    boolean isEmpty() {
        return startSeconds.length == 0;
    }

    double first() {
        return startSeconds[0];
    }

    /** Seconds from a deploy's start until its last wave has started. */
    double spanSeconds(int workers) {
        int perWave = Math.max(1, (int) Math.ceil(workers * waveFraction));
        int waveCount = (workers + perWave - 1) / perWave;
        return (waveCount - 1) * waveIntervalSeconds;
    }
}
