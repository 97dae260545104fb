package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scenarios/instagram-2017.yaml end to end: the physics of "Dismissing Python Garbage Collection at
 * Instagram" must show through the whole pipeline into summary.json. Figures measured at reduced size
 * (8 workers, 20 min, 2 replications, seed 2017) are quoted beside each bound.
 */
class InstagramEndToEndTest {
    private static final double HEAP_MIB = 250;

    @TempDir
    static Path tmp;

    private static ShippedRun run;

    @BeforeAll
    static void runOnce() throws IOException {
        run = ShippedRun.run("instagram-2017", tmp.resolve("out"));
    }

    @Test
    void summaryKeepsTheBindingKeysAndPolicyNames() {
        SummaryContract.check(run.summary, "instagram-2017", 2017, 2);
        run.assertPolicies("default", "default", "disable-msgpack", "threshold0", "threshold0-exit");
        assertEquals(8, run.policy("default").get("host").get("workers").asInt());
        assertEquals(0.0, run.figure("default", "savingsVsBaseline", "hostMemoryPercent"), "baseline saves nothing");
    }

    @Test
    void everyOutputIsWrittenAndNoTemporaryFolderIsLeft() throws IOException {
        for (String file : List.of("summary.json", "run-info.json", "timeseries.csv", "policies.csv", "report.html",
                "worker-lifetime.png", "worker-lifetime.svg", "host-memory.png", "host-memory.svg",
                "copied-by-source.png", "copied-by-source.svg", "waterfall.png", "waterfall.svg")) {
            assertTrue(Files.size(run.folder.resolve(file)) > 0, file);
        }
        try (var siblings = Files.list(tmp)) {
            assertEquals(List.of(run.folder), siblings.toList(), "only the output folder, no .tmp-/.old- sibling");
        }
        String summary = Files.readString(run.folder.resolve("summary.json"));
        assertFalse(summary.contains(tmp.toString()), "summary.json is a pure function: no paths");
    }

    /** default: 90 MiB copied by GC per lifetime, 5.7 full collections; threshold0 runs none and copies 0. */
    @Test
    void threshold0StopsGcCopying() {
        assertTrue(run.copied("default", "gc") > 20, () -> "default gc " + run.copied("default", "gc"));
        assertTrue(run.figure("default", "worker", "fullCollectionsPerLifetime") > 2);
        for (String policy : List.of("threshold0", "threshold0-exit")) {
            assertEquals(0.0, run.copied(policy, "gc"), policy);
            assertEquals(0.0, run.figure(policy, "worker", "fullCollectionsPerLifetime"), policy);
            assertEquals(0.0, run.figure(policy, "host", "cpuOverheadPercent", "gc"), policy);
        }
        assertTrue(run.figure("threshold0", "worker", "sharedAfterForkMiB")
                > run.figure("default", "worker", "sharedAfterForkMiB") + 50, "threshold0 keeps more shared (213 vs 135)");
    }

    /** msgpack's gc.enable() after 100 requests brings the collector back: 85 MiB GC-copied, 5.6 full collections. */
    @Test
    void gcDisableDoesNotStickWhenALibraryReenablesIt() {
        assertTrue(run.copied("disable-msgpack", "gc") > 0.5 * run.copied("default", "gc"));
        assertTrue(run.figure("disable-msgpack", "worker", "fullCollectionsPerLifetime") > 2);
    }

    /**
     * A normal exit under threshold0 runs Py_Finalize's collection and teardown, copying every page still
     * shared (213 MiB of the 250 MiB heap, all of sharedAfterFork); os._exit skips it and copies nothing,
     * costing no shutdown CPU.
     */
    @Test
    void osExitRemovesShutdownCopying() {
        double shared = run.figure("threshold0", "worker", "sharedAfterForkMiB");
        assertTrue(run.copied("threshold0", "shutdown") >= 0.9 * shared,
                () -> "threshold0 shutdown " + run.copied("threshold0", "shutdown") + " of shared " + shared);
        assertTrue(run.copied("threshold0", "shutdown") > 0.5 * HEAP_MIB, "most of the heap");
        assertTrue(run.figure("threshold0", "host", "cpuOverheadPercent", "shutdown") > 0);
        assertEquals(0.0, run.copied("threshold0-exit", "shutdown"), 0.5);
        assertEquals(0.0, run.figure("threshold0-exit", "host", "cpuOverheadPercent", "shutdown"), 0.01);
    }

    /**
     * Instagram's headline: shared memory per worker 140 -> 225 MB, 8 GB less per host. Under default a
     * worker's private memory must far exceed threshold0's, and threshold0 must save host memory.
     * Measured: default 124 MiB, threshold0 79 MiB, a 29% saving. (With the hot set of the first
     * calibration, 2% of objects touched 20k per request, refcount writes copied 55% of the heap in the
     * first minute and threshold0 came out 1.8% worse than default; this test is what caught it.)
     */
    @Test
    void threshold0KeepsWorkersFarSmallerThanDefault() {
        assertTrue(run.privateMean("default") > 1.3 * run.privateMean("threshold0"),
                () -> "worker private MiB: default " + run.privateMean("default") + ", threshold0 "
                        + run.privateMean("threshold0"));
        assertTrue(run.figure("threshold0", "savingsVsBaseline", "hostMemoryPercent") > 10,
                () -> "threshold0 host saving " + run.figure("threshold0", "savingsVsBaseline", "hostMemoryPercent"));
    }
}
