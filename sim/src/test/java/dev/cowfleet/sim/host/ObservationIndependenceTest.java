package dev.cowfleet.sim.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.engine.Moments;
import dev.cowfleet.sim.engine.RandomStreams;
import dev.cowfleet.sim.run.HostPlans;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.PolicySpec;
import dev.cowfleet.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Observing a host never changes what it does: another sampling grid, an extra worker-age point or
 * a deploy trace read the workers at more instants, and every figure those readings do not define
 * stays bit for bit the same. Before draws were keyed to model points, one more age point moved
 * instagram-2017's mean host memory by 6 MiB.
 */
class ObservationIndependenceTest {
    /** Small enough for a second per run; recycling and deploys so that milestones, exits and the trace all occur. */
    private static final List<String> SMALL = List.of("host.workers=6", "workload.requestsPerSecond=60/s", "duration=40m");

    @ParameterizedTest
    @ValueSource(strings = {"deploy-storm", "recycling", "instagram-2017"})
    void moreObservationsLeaveEveryOtherFigureAlone(String name) {
        List<String> sets = new java.util.ArrayList<>(SMALL);
        if (name.equals("deploy-storm")) {
            sets.add("deploys.at=[30m]");
        }
        Scenario scenario = ScenarioSource.read(Path.of("..", "scenarios", name + ".yaml"), sets).load();
        for (PolicySpec policy : scenario.policies()) {
            HostPlan base = HostPlans.plan(scenario, policy);
            HostPlan moreAges = withObservation(base, base.sampleEverySeconds(), 180.0);
            HostPlan moreSamples = withObservation(base, 7.0, base.settleSeconds());

            HostRunResult a = run(base);
            HostRunResult ages = run(moreAges);
            HostRunResult samples = run(moreSamples);

            assertTrue(a.requestsPerLifetime().count() > 0, "the run served workers");
            assertNotEquals(a.ageSeconds().length, ages.ageSeconds().length, "the 180 s age point is new");
            assertEquals(modelFigures(a), modelFigures(ages), name + "/" + policy.name() + ": an age point changed the model");
            assertEquals(sampleFigures(a), sampleFigures(ages), name + "/" + policy.name() + ": an age point changed the samples");
            assertEquals(modelFigures(a), modelFigures(samples), name + "/" + policy.name() + ": sampleEvery changed the model");
            assertEquals(ageFigures(a), ageFigures(samples), name + "/" + policy.name() + ": sampleEvery changed the ages");
            assertNotEquals(a.samples(), samples.samples(), "the 7 s grid samples more often");
        }
    }

    private static HostRunResult run(HostPlan plan) {
        return HostSimulation.run(plan, new RandomStreams(2017, 0), 0);
    }

    private static HostPlan withObservation(HostPlan p, double sampleEvery, double settle) {
        return new HostPlan(p.master(), p.request(), p.costs(), p.traffic(), p.workers(), p.recycle(), p.deploys(),
                p.durationSeconds(), sampleEvery, settle, p.ramBytes());
    }

    /** What the workers did: copies, lifetimes, collections, CPU, kills, and the deploy trace (its own grid). */
    private static String modelFigures(HostRunResult r) {
        return String.join("|", Arrays.toString(r.copiedPagesSum), moments(r.requestsPerLifetime),
                moments(r.fullCollectionsPerLifetime), moments(r.shutdownPages), Arrays.toString(r.cpuSeconds),
                Long.toString(r.oomKills), Long.toString(r.harakiriKills), Arrays.toString(r.deployWindow));
    }

    private static String sampleFigures(HostRunResult r) {
        StringBuilder out = new StringBuilder();
        for (double[] row : r.memory) {
            out.append(Arrays.toString(row));
        }
        return out.append(Arrays.toString(r.workerPrivateMean)).append(Arrays.toString(r.workerSharedMean))
                .append(r.peakHostBytes).append(r.hostMemory.mean()).append(r.workerPrivate.mean()).toString();
    }

    private static String ageFigures(HostRunResult r) {
        return Arrays.toString(r.ageSharedSum) + Arrays.toString(r.agePrivateSum) + Arrays.toString(r.ageCount)
                + moments(r.sharedAfterFork);
    }

    private static String moments(Moments m) {
        return m.count() + ":" + m.sum() + ":" + m.variance() + ":" + m.min() + ":" + m.max();
    }
}
