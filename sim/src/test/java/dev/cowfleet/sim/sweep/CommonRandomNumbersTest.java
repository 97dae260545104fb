package dev.cowfleet.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.exec.LocalEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.HostExperiment;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

/**
 * A sweep compares policies at one seed, so both see the same arrivals and request draws and their
 * difference is mostly the policy's. Measured: over several seeds, the policy difference varies far less
 * when both policies share a seed than when each draws its own. Cyclic garbage is off here because when
 * each collection runs is the policy's own noise, which in a five-minute run would swamp the traffic noise
 * the policies share.
 */
class CommonRandomNumbersTest {

    private static final int SEEDS = 6;

    @Test
    void aSharedSeedMakesThePolicyDifferenceLessVariable() {
        double[] defaultMemory = new double[2 * SEEDS];
        double[] threshold0Memory = new double[2 * SEEDS];
        try (LocalEngine engine = new LocalEngine(2)) {
            for (int s = 0; s < 2 * SEEDS; s++) {
                RunResult result = HostExperiment.run(Fixture.tiny("seed=" + (100 + s), "replications=1",
                        "duration=5m", "workload.cyclicGarbage=0B"), engine, Progress.NONE);
                defaultMemory[s] = result.policy("default").host().memoryMiB().mean().mean();
                threshold0Memory[s] = result.policy("threshold0").host().memoryMiB().mean().mean();
            }
        }
        double[] shared = new double[SEEDS];
        double[] independent = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            shared[s] = threshold0Memory[s] - defaultMemory[s];
            independent[s] = threshold0Memory[s] - defaultMemory[SEEDS + s];
        }
        double sharedVariance = new Variance().evaluate(shared);
        double independentVariance = new Variance().evaluate(independent);
        assertTrue(sharedVariance < independentVariance / 4, "variance of the difference with a shared seed "
                + sharedVariance + ", with independent seeds " + independentVariance);
    }
}
