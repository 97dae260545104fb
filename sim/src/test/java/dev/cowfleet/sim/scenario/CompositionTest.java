package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.runtime.GcThresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A heap given as object kinds, sine traffic, per-day deploys and Python 3.13 defaults resolve as stated. */
class CompositionTest {

    private final Scenario scenario = ScenarioLoader.load(Fixtures.COMPOSITION, List.of());

    @Test
    void kindsAddUpToTheHeapTotals() {
        HeapSpec.Contents heap = scenario.heap().contents();
        assertEquals(400_000L * 232 + 900_000L * 64 + 50_000L * 136, heap.heapBytes());
        assertEquals(450_000, heap.trackedObjects());
        assertEquals(1_350_000, heap.totalObjects());
        assertEquals(450_000, scenario.heap().gcCounters().longLivedTotal(), "default: every tracked object");
    }

    @Test
    void trafficIsResolvedToPerSecond() {
        assertEquals(2000.0 / 60, scenario.workload().requestsPerSecond(), 1e-12);
        assertEquals(new DiurnalSpec(DiurnalSpec.Shape.SINE, 2.5, 20 * 3600), scenario.workload().diurnal());
    }

    @Test
    void deploysPerDayAreEvenlySpacedWithinTheRun() {
        DeploySpec deploys = scenario.deploys().orElseThrow();
        assertEquals(List.of(21_600.0, 43_200.0, 64_800.0), deploys.startTimes(scenario.durationSeconds()));
        assertEquals(0.25, deploys.waveSize());
        assertEquals(30, deploys.waveIntervalSeconds());
    }

    @Test
    void gunicornAndPython313Defaults() {
        assertEquals(ProcessManager.GUNICORN, scenario.processManager());
        assertEquals(30, scenario.server().harakiriSeconds());
        assertEquals(0, scenario.server().minWorkerLifetimeSeconds());
        assertEquals(new GcThresholds(2000, 10, 10), scenario.baselinePolicy().thresholds());
        assertEquals("composed", scenario.name());
    }
}
