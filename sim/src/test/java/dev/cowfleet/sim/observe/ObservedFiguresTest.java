package dev.cowfleet.sim.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures observe.json reports, from hand-made samples. */
class ObservedFiguresTest {
    private static ProcSample s(double t, long pid, String role, double age, long pss, long shared, long priv) {
        return new ProcSample(t, pid, role, age, shared + priv, pss, shared, priv, priv, 0);
    }

    private static Observation observation(List<ProcSample> samples, List<WorkerExit> exits) {
        return new Observation("gunicorn", "default", 2, samples, exits, null, List.of(new long[] {10, 2, 1}, new long[] {20, 2, 1}), null,
                Double.NaN);
    }

    @Test
    void hostIsTheSumOfPssAtEachInstantAndWorkersAreAveragedOverSamples() {
        Figures f = ObservedFigures.of(observation(List.of(
                s(0, 1, "master", 5, 1024, 0, 0), s(0, 2, "worker", 1, 1024, 4096, 1024), s(0, 3, "worker", 1, 1024, 4096, 3072),
                s(1, 1, "master", 6, 2048, 0, 0), s(1, 2, "worker", 2, 2048, 2048, 2048), s(1, 3, "worker", 2, 2048, 2048, 4096)),
                List.of()));
        assertEquals((3 + 6) / 2.0, f.hostMemoryMean(), 1e-9);
        assertEquals(6, f.hostMemoryMax(), 1e-9);
        assertEquals((1 + 3 + 2 + 4) / 4.0, f.workerPrivateMean(), 1e-9);
        assertEquals(4, f.workerPrivateMax(), 1e-9);
        assertEquals(2, f.sharedAfterMinute(), 1e-9, "a short run reads shared at the oldest age");
        assertTrue(Double.isNaN(f.exitCopied()), "no exit measured");
    }

    @Test
    void sharedIsReadAtOneMinuteAndExitsAverageRecycledAndStoppedWorkers() {
        Figures f = ObservedFigures.of(observation(List.of(
                s(0, 2, "worker", 30, 0, 8192, 0), s(30, 2, "worker", 60.2, 0, 6144, 0), s(60, 2, "worker", 90, 0, 1024, 0)),
                List.of(new WorkerExit(61, 2, 256, true), new WorkerExit(40, 9, 768, false))));
        assertEquals(6, f.sharedAfterMinute(), 1e-9);
        assertEquals(2, f.exitCopied(), 1e-9, "(256 + 768) / 2 faults of 4 KiB");
    }

    @Test
    void inheritedCountersAreTheRoundedMeanAndRelativeErrorIsSimulatedOverMeasured() {
        long[] counters = observation(List.of(), List.of()).inheritedCounters();
        assertEquals(15, counters[0]);
        Figures measured = new Figures(10, 20, 30, 40, 50, 0);
        Figures error = new Figures(11, 20, 27, 40, 50, 1).relativeErrorOf(measured);
        assertEquals(0.1, error.workerPrivateMean(), 1e-12);
        assertEquals(-0.1, error.sharedAfterMinute(), 1e-12);
        assertTrue(Double.isNaN(error.exitCopied()), "no relative error against zero");
    }
}
