package dev.cowfleet.sim.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.engine.RandomStreams;
import dev.cowfleet.sim.run.HostPlans;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.PolicySpec;
import dev.cowfleet.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's graceful stop at the end of a run ({@link HostSimulation#runToFinalStop}): every running
 * worker exits as its policy has it exit, so a normal exit's teardown copies the still-shared pages and
 * {@code os._exit} copies none; and the stop comes after the run, so it changes no sample.
 */
class FinalStopTest {
    private static final Path SCENARIO = Path.of("src/test/resources/dev/cowfleet/sim/observe/flaskshop-scenario.yaml");
    private static final int WORKERS = 4;

    private static Scenario scenario(String... more) {
        List<String> sets = new java.util.ArrayList<>(List.of("host.workers=" + WORKERS, "workload.requestsPerSecond=40/s",
                "duration=20s", "sampleEvery=1s"));
        sets.addAll(List.of(more));
        return ScenarioSource.read(SCENARIO, sets).load();
    }

    private static HostPlan plan(Scenario scenario, String policy) {
        PolicySpec spec = scenario.policies().stream().filter(p -> p.name().equals(policy)).findFirst().orElseThrow();
        return HostPlans.plan(scenario, spec);
    }

    @Test
    void everyRunningWorkerExitsAtTheStopUnderItsPoliciesExitMode() {
        Scenario scenario = scenario();
        HostPlan normal = plan(scenario, "threshold0");
        HostRunResult censored = HostSimulation.run(normal, new RandomStreams(1, 0), 0);
        HostRunResult stopped = HostSimulation.runToFinalStop(normal, new RandomStreams(1, 0), 0);
        HostRunResult osExit = HostSimulation.runToFinalStop(plan(scenario, "threshold0-exit"), new RandomStreams(1, 0), 0);

        assertEquals(0, censored.shutdownPages.count(), "no worker exits within the run without recycling");
        assertEquals(WORKERS, stopped.shutdownPages.count(), "each worker exits at the stop");
        assertEquals(WORKERS, osExit.shutdownPages.count());
        // Teardown writes every still-clean page holding mortal objects: most of the inherited heap.
        double heapPages = normal.master().image().pages();
        assertTrue(stopped.shutdownPages.mean() > 0.5 * heapPages,
                "teardown copied " + stopped.shutdownPages.mean() + " of " + heapPages + " pages");
        assertEquals(0, osExit.shutdownPages.max(), "os._exit skips teardown");
    }

    @Test
    void theStopChangesNoSampleAndNoCopyMadeWhileServing() {
        HostPlan plan = plan(scenario("server.maxRequests=60"), "threshold0");
        HostRunResult censored = HostSimulation.run(plan, new RandomStreams(1, 0), 0);
        HostRunResult stopped = HostSimulation.runToFinalStop(plan, new RandomStreams(1, 0), 0);
        assertTrue(censored.shutdownPages.count() > 0, "workers recycle within the run");
        long atStop = stopped.shutdownPages.count() - censored.shutdownPages.count();
        // A slot whose worker is itself exiting at the end has no running worker to stop.
        assertTrue(atStop >= 1 && atStop <= WORKERS, atStop + " exits at the stop");
        assertEquals(Arrays.deepToString(censored.memory), Arrays.deepToString(stopped.memory));
        assertEquals(Arrays.toString(censored.copiedPagesSum), Arrays.toString(stopped.copiedPagesSum));
        assertEquals(censored.peakHostBytes, stopped.peakHostBytes);
        assertEquals(censored.requestsPerLifetime.sum(), stopped.requestsPerLifetime.sum());
    }
}
