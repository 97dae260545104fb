package dev.cowfleet.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.exec.LocalEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.HostExperiment;
import dev.cowfleet.sim.run.ScenarioSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The out-of-memory killer at a deploy (src/test/resources/fleet/oom-deploy.yaml): eight workers restart at
 * once on a host whose RAM sits a little above its steady state. Without os._exit each exiting worker
 * copies its shared heap in Py_Finalize, the host overflows its RAM and workers are killed; with os._exit
 * the exit copies nothing and the host stays within RAM. Measured: 4 kills per run (mean of 2 replications)
 * without os._exit, none with it.
 */
class OomAtDeployTest {
    private static final Path FIXTURE = Path.of("src", "test", "resources", "fleet", "oom-deploy.yaml");

    private static RunResult tight;

    @BeforeAll
    static void runOnce() {
        tight = run(List.of());
    }

    @Test
    void aDeployWithoutOsExitOverflowsTheHost() {
        double kills = oomKills(tight, "threshold0");
        assertTrue(kills > 0, () -> "threshold0 OOM kills " + kills);
    }

    @Test
    void osExitKeepsTheSameDeployWithinRam() {
        assertEquals(0.0, oomKills(tight, "threshold0-exit"));
    }

    /** The kills come from the deploy, not from a host too small to run at all: without it there are none. */
    @Test
    void withoutTheDeployNeitherPolicyIsKilled() {
        RunResult calm = run(List.of("deploys.at=[]"));
        assertEquals(0.0, oomKills(calm, "threshold0"));
        assertEquals(0.0, oomKills(calm, "threshold0-exit"));
    }

    private static RunResult run(List<String> sets) {
        try (LocalEngine engine = new LocalEngine(2)) {
            return HostExperiment.run(ScenarioSource.read(FIXTURE, sets), engine, Progress.NONE);
        }
    }

    private static double oomKills(RunResult result, String policy) {
        PolicyResult p = result.policy(policy);
        assertTrue(p.kills() != null, () -> "policy " + policy + " reports no kills");
        return p.kills().oomKills();
    }
}
