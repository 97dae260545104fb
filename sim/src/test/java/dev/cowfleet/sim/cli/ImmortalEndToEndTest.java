package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scenarios/immortal-3.12.yaml end to end: immortalizing the heap before fork (PEP 683 + Cinder's
 * immortalize_heap) removes refcount copying, leaving allocator reuse and real mutation. Measured at
 * reduced size: freeze copies 201 MiB by refcount, immortalize-freeze 0; host memory falls 54%.
 */
class ImmortalEndToEndTest {
    @TempDir
    static Path tmp;

    private static ShippedRun run;

    @BeforeAll
    static void runOnce() throws IOException {
        run = ShippedRun.run("immortal-3.12", tmp.resolve("out"));
    }

    @Test
    void summaryKeepsTheBindingKeysAndPolicyNames() {
        SummaryContract.check(run.summary, "immortal-3.12", 683, 2);
        run.assertPolicies("freeze", "freeze", "immortalize-freeze");
    }

    @Test
    void immortalizeRemovesRefcountCopying() {
        assertTrue(run.copied("freeze", "refcount") > 50, () -> "freeze refcount " + run.copied("freeze", "refcount"));
        assertEquals(0.0, run.copied("immortalize-freeze", "refcount"), 0.5);
        for (String policy : new String[] {"freeze", "immortalize-freeze"}) {
            assertEquals(0.0, run.copied(policy, "gc"), policy + ": frozen objects are never visited");
        }
        assertTrue(run.figure("immortalize-freeze", "worker", "sharedAfterForkMiB")
                > run.figure("freeze", "worker", "sharedAfterForkMiB") + 100, "236 vs 47 MiB");
        assertTrue(run.figure("immortalize-freeze", "savingsVsBaseline", "hostMemoryPercent") > 20);
    }

    /** What immortalization cannot stop still copies: real mutation (71 MiB) and allocator reuse (8 MiB). */
    @Test
    void mutationAndAllocatorReuseRemain() {
        assertTrue(run.copied("immortalize-freeze", "mutation") > 1);
        assertTrue(run.copied("immortalize-freeze", "allocator") > 1);
    }
}
