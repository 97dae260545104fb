package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scenarios/recycling.yaml end to end: with GC off a worker leaks ~200 KB per request, and only
 * recycling bounds it. Measured at reduced size: worker private max 640 MiB (max-requests 3000),
 * 2030 MiB (max-requests 10000), 482 MiB (reload-on-rss 700MiB, with 213 MiB still shared).
 */
class RecyclingEndToEndTest {
    private static final double RELOAD_ON_RSS_MIB = 700;

    @TempDir
    static Path tmp;

    private static ShippedRun run;

    @BeforeAll
    static void runOnce() throws IOException {
        run = ShippedRun.run("recycling", tmp.resolve("out"));
    }

    @Test
    void summaryKeepsTheBindingKeysAndPolicyNames() {
        SummaryContract.check(run.summary, "recycling", 3000, 2);
        run.assertPolicies("max-requests", "max-requests", "max-requests-long", "reload-on-rss");
    }

    /** Private memory is part of RSS, so a worker recycled past 700 MiB RSS never holds 700 MiB private. */
    @Test
    void reloadOnRssBoundsWorkerPrivateMemory() {
        assertTrue(run.figure("reload-on-rss", "worker", "privateMiB", "max") < RELOAD_ON_RSS_MIB,
                () -> "reload-on-rss private max " + run.figure("reload-on-rss", "worker", "privateMiB", "max"));
        assertTrue(run.figure("max-requests-long", "worker", "privateMiB", "max") > 2 * RELOAD_ON_RSS_MIB,
                "without a memory limit the leak runs on");
        assertTrue(run.privateMean("max-requests-long") > 2 * run.privateMean("reload-on-rss"));
    }

    @Test
    void theLeakGrowsWithRequestsPerLifetime() {
        assertTrue(run.figure("max-requests-long", "worker", "requestsPerLifetime")
                > 1.5 * run.figure("max-requests", "worker", "requestsPerLifetime"));
        assertTrue(run.privateMean("max-requests-long") > run.privateMean("max-requests"));
        for (String policy : new String[] {"max-requests", "max-requests-long", "reload-on-rss"}) {
            assertEquals(0.0, run.figure(policy, "worker", "fullCollectionsPerLifetime"), policy + ": GC is off");
        }
    }
}
