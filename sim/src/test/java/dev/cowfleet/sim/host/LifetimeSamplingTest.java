package dev.cowfleet.sim.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.engine.RandomStreams;
import dev.cowfleet.sim.run.HostPlans;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.PolicySpec;
import dev.cowfleet.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which lifetimes have their ages observed. scenarios/recycling.yaml: flat 700 requests/s over 70
 * workers, so 10 requests per worker per second.
 */
class LifetimeSamplingTest {

    private static HostPlan plan(String policy, String... sets) {
        Scenario scenario = ScenarioSource.read(Path.of("..", "scenarios", "recycling.yaml"), List.of(sets)).load();
        PolicySpec spec = scenario.policies().stream().filter(p -> p.name().equals(policy)).findFirst().orElseThrow();
        return HostPlans.plan(scenario, spec);
    }

    /**
     * By hand: 24 h gives 864,000 requests per worker; max-requests 3,000 makes 288 lifetimes per
     * slot, so every 288 / 16 = 18th is observed; 10,000 makes 86.4, every 5th; 2 h with 3,000 makes
     * 24, fewer than twice 16, so all. A memory limit gives no expected lifetime: all.
     */
    @Test
    void strideFollowsTheExpectedLifetimesPerSlot() {
        assertEquals(18, LifetimeSampling.stride(plan("max-requests", "duration=24h")));
        assertEquals(5, LifetimeSampling.stride(plan("max-requests-long", "duration=24h")));
        assertEquals(1, LifetimeSampling.stride(plan("max-requests")));
        assertEquals(1, LifetimeSampling.stride(plan("reload-on-rss", "duration=24h")));
    }

    /**
     * 6 h with 7 workers at 10 requests/s each: 72 lifetimes per slot, stride 4. Age 0 is observed
     * at the fork of every 4th lifetime of each slot (offset by the slot), so the count lies within a
     * lifetime per slot of a quarter of all lifetimes; every observed lifetime older than a minute is
     * also read at the settle age.
     */
    @Test
    void everyStrideThLifetimeIsObserved() {
        HostPlan plan = plan("max-requests", "duration=6h", "host.workers=7", "workload.requestsPerSecond=70/s");
        assertEquals(4, LifetimeSampling.stride(plan));
        HostRunResult result = HostSimulation.run(plan, new RandomStreams(1, 0), 0);
        long lifetimes = result.requestsPerLifetime.count();
        assertTrue(lifetimes > 7 * 70, "lifetimes " + lifetimes);
        assertEquals(lifetimes / 4.0, result.ageCount[0], plan.workers());
        assertTrue(result.sharedAfterFork.count() >= result.ageCount[0] - plan.workers());
    }

    /** The percentile that sizes workers against the RAM budget is exact for a day of 1-minute samples. */
    @Test
    void hostMemoryPercentilesAreExactForADay() {
        HostPlan plan = plan("max-requests", "duration=24h", "host.workers=7", "workload.requestsPerSecond=70/s");
        HostRunResult result = HostSimulation.run(plan, new RandomStreams(1, 0), 0);
        assertEquals(1441, result.hostMemory().count());
        assertTrue(result.hostMemory().quantilesExact());
    }
}
