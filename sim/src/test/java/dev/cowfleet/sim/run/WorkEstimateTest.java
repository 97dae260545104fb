package dev.cowfleet.sim.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ScenarioException;
import dev.cowfleet.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The work a scenario asks for, counted before it runs, and what is refused for it. */
class WorkEstimateTest {
    private static final Path MINIMAL = Path.of("src", "test", "resources", "scenarios", "minimal.yaml");
    private static final long GIB = 1L << 30;

    private static Scenario minimal(String... sets) {
        return ScenarioLoader.load(MINIMAL, List.of(sets));
    }

    @Test
    void countsRunsSamplesAndEvents() {
        // 2 policies x 3 replications; 1h at 10s is 361 samples; 100/s for 3600 s is 360,000 requests.
        WorkEstimate e = WorkEstimate.ofHostExperiment(minimal("replications=3", "duration=1h", "sampleEvery=10s"), 4);
        assertEquals(6, e.runs());
        assertEquals(361, e.samplesPerRun());
        assertEquals(2 * 360_000 + 361, e.eventsPerRun());
        assertEquals(4, e.concurrent());
        assertEquals(6 * 361 * WorkEstimate.BYTES_PER_SAMPLE + 4 * 8 * WorkEstimate.BYTES_PER_WORKER,
                e.minimumBytes());
        assertEquals(2, WorkEstimate.ofHostExperiment(minimal("replications=1"), 64).concurrent(),
                "no more hosts at once than runs");
    }

    @Test
    void aKeptSampleHoldsOneRowOfEveryColumnAndTwoMeans() {
        assertEquals(16 + 8 * 8 + 8 + 16, WorkEstimate.BYTES_PER_SAMPLE, "8 columns: 3 memory kinds, 5 copy sources");
    }

    @Test
    void tooManySamplesAreRefusedNamingTheKeys() {
        WorkEstimate e = WorkEstimate.ofHostExperiment(minimal("sampleEvery=1ms", "duration=2h"), 2);
        String message = assertThrows(ScenarioException.class, () -> e.requireFeasible(GIB)).getMessage();
        assertEquals("the simulation needs at least 7.0 GiB of memory, more than the JVM's heap of 1.0 GiB: 7.2e+06 "
                + "samples a run (duration / sampleEvery) x 10 runs (policies x replications); raise sampleEvery, "
                + "shorten duration or lower replications (or give java a larger -Xmx)", message);
        assertDoesNotThrow(() -> e.requireFeasible(8 * GIB), "the same work fits a larger heap");
    }

    @Test
    void tooManyWorkersAreRefusedNamingHostWorkers() {
        WorkEstimate e = WorkEstimate.ofHostExperiment(minimal("host.workers=1G", "host.cores=1G"), 2);
        String message = assertThrows(ScenarioException.class, () -> e.requireFeasible(GIB)).getMessage();
        assertTrue(message.contains("host.workers 1,000,000,000 x 2 hosts at once; lower host.workers"), message);
    }

    @Test
    void daysOfEventsAreRefusedAndMinutesWarned() {
        WorkEstimate days = WorkEstimate.ofHostExperiment(minimal("duration=36500d", "sampleEvery=1d",
                "workload.requestsPerSecond=300/s"), 2);
        String message = assertThrows(ScenarioException.class, () -> days.requireFeasible(Long.MAX_VALUE)).getMessage();
        assertTrue(message.startsWith("the simulation has about 1.9e+13 events (workload.requestsPerSecond x duration "
                + "x 10 runs)"), message);
        WorkEstimate minutes = WorkEstimate.ofHostExperiment(minimal("duration=10d", "sampleEvery=1h"), 2);
        assertDoesNotThrow(() -> minutes.requireFeasible(GIB));
        assertTrue(minutes.slowWarning().orElseThrow().startsWith("cowfleet: note: about 1.7e+09 events in 10 runs"),
                minutes.slowWarning()::toString);
        assertTrue(WorkEstimate.ofHostExperiment(minimal(), 2).slowWarning().isEmpty());
    }

    @Test
    void aSweepPointMustFitAndAllPointsMustFinish() {
        WorkEstimate point = WorkEstimate.ofHostExperiment(minimal("duration=30d", "sampleEvery=1d"), 2);
        assertDoesNotThrow(() -> WorkEstimate.requireFeasibleSweep(List.of(point), GIB));
        List<WorkEstimate> many = java.util.Collections.nCopies(2_000, point);
        assertTrue(assertThrows(ScenarioException.class, () -> WorkEstimate.requireFeasibleSweep(many, GIB))
                .getMessage().startsWith("the sweep has about 1.0e+13 events in 20,000 runs over 2,000 points"));
    }
}
