package dev.cowfleet.sim.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.engine.RandomStreams;
import dev.cowfleet.sim.run.HostPlans;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * uWSGI recycles no worker younger than {@code min-worker-lifetime} (10 s by default), by max-requests
 * as by memory: a real uWSGI 2.0.21 with {@code --max-requests 5} kept its two workers through 30
 * requests in 3 s, and recycled every 5 requests with {@code --min-worker-lifetime 1}. A worker that
 * reaches max-requests younger serves on until it is old enough.
 */
class MinWorkerLifetimeTest {
    private static final Path SCENARIO = Path.of("src/test/resources/dev/cowfleet/sim/observe/flaskshop-scenario.yaml");

    private static HostRunResult run(String minLifetime) {
        // 10 requests per second per worker: max-requests 20 is reached at about 2 s of age.
        Scenario scenario = ScenarioSource.read(SCENARIO, List.of("processManager=uwsgi", "host.workers=2",
                "workload.requestsPerSecond=20/s", "duration=60s", "sampleEvery=1s", "server.maxRequests=20",
                "server.maxRequestsDelta=0", "server.minWorkerLifetime=" + minLifetime)).load();
        HostPlan plan = HostPlans.plan(scenario, scenario.policies().get(0));
        return HostSimulation.run(plan, new RandomStreams(1, 0), 0);
    }

    @Test
    void aWorkerAtMaxRequestsWaitsUntilItIsOldEnough() {
        HostRunResult waiting = run("10s");
        HostRunResult immediate = run("0s");
        // Lifetimes end at 10 s (plus the exit), so about 6 per slot in 60 s; served meanwhile: ~100 requests.
        long exits = waiting.shutdownPages.count();
        assertTrue(exits >= 8 && exits <= 12, exits + " recycled exits with a 10 s minimum lifetime");
        assertTrue(waiting.requestsPerLifetime.min() > 50, "a worker serves on past max-requests: "
                + waiting.requestsPerLifetime.min());
        assertTrue(immediate.shutdownPages.count() > 40, immediate.shutdownPages.count() + " exits without a minimum");
        assertEquals(20, immediate.requestsPerLifetime.max(), 1e-9, "without a minimum a worker ends at its 20th request");
    }
}
