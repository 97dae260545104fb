package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.models.heap.HeapLayout;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scenarios/freeze-2017.yaml end to end: gc.freeze() before fork (CPython 3.7) stops the collector's
 * copy-on-write while the collector keeps running. Measured at reduced size: default copies 90 MiB by GC
 * with 10 full collections per lifetime; freeze copies 0 with 181, and saves 53% host memory.
 */
class FreezeEndToEndTest {
    @TempDir
    static Path tmp;

    private static ShippedRun run;

    @BeforeAll
    static void runOnce() throws IOException {
        run = ShippedRun.run("freeze-2017", tmp.resolve("out"));
    }

    @Test
    void summaryKeepsTheBindingKeysAndPolicyNames() {
        SummaryContract.check(run.summary, "freeze-2017", 2017, 2);
        run.assertPolicies("default", "default", "freeze", "freeze-exit");
    }

    @Test
    void freezeRemovesGcCopyingButKeepsCollecting() {
        assertTrue(run.copied("default", "gc") > 20, () -> "default gc " + run.copied("default", "gc"));
        for (String policy : new String[] {"freeze", "freeze-exit"}) {
            assertEquals(0.0, run.copied(policy, "gc"), policy);
            assertTrue(run.figure(policy, "worker", "fullCollectionsPerLifetime") > 1,
                    policy + ": the collector still runs, so cyclic garbage is still freed");
        }
        assertTrue(run.privateMean("default") > 2 * run.privateMean("freeze"),
                () -> "private MiB default " + run.privateMean("default") + ", freeze " + run.privateMean("freeze"));
        assertTrue(run.figure("freeze", "savingsVsBaseline", "hostMemoryPercent") > 20, "53%");
    }

    /**
     * freeze copies at a normal exit every still-shared page teardown frees: all but the frozen cycles'
     * share (HeapLayout.DEFAULT_FROZEN_CYCLIC_SHARE, 0.75, measured on CPython); os._exit copies none.
     */
    @Test
    void osExitRemovesShutdownCopyingOnTopOfFreeze() {
        assertTrue(run.copied("freeze", "shutdown")
                >= 0.9 * (1 - HeapLayout.DEFAULT_FROZEN_CYCLIC_SHARE) * run.figure("freeze", "worker", "sharedAfterForkMiB"));
        assertEquals(0.0, run.copied("freeze-exit", "shutdown"), 0.5);
    }
}
