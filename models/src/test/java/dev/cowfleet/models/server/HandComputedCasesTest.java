package dev.cowfleet.models.server;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.HeapLayout;
import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.heap.MeasuredHeap;
import dev.cowfleet.models.heap.PageSize;
import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PythonVersion;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.RequestProfile;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cases small enough to work out on paper. The heap: 1,000 pages of 4 KiB, 400 of them holding
 * 4,000 tracked objects (10 per page), 20,000 objects in all (16 untracked per page everywhere).
 * Hot objects are clustered on 10% of each segment's pages and every request touches all of them
 * (2,000), so request 1 copies exactly the hot pages by refcount. A request allocates 701 tracked
 * objects and frees them all: with threshold0 = 700 each request triggers exactly one collection,
 * on its last allocation, and starts again from count0 = 0.
 */
class HandComputedCasesTest {
    private static final InterpreterProfile PY36 = InterpreterProfile.forVersion(PythonVersion.parse("3.6"));
    private static final CostModel COSTS = new CostModel(20e-6, 20e-9, 60e-9, 0);

    private static Worker fork(InterpreterProfile profile, GcPolicy policy, long frozen, InheritedGcState counters,
                               double hot, long touched) {
        return fork(profile, policy, frozen, counters, hot, touched, 0);
    }

    /** {@code frozenCyclicShare}: share of frozen pages teardown never frees (0 unless a test is about it). */
    private static Worker fork(InterpreterProfile profile, GcPolicy policy, long frozen, InheritedGcState counters,
                               double hot, long touched, double frozenCyclicShare) {
        MeasuredHeap measured = new MeasuredHeap(1000L * 4096, 400, 4000, 20_000, frozen, 0);
        HeapImage image = HeapImage.fromMeasured(measured,
                new HeapLayout(hot, true, 0, HeapLayout.DEFAULT_COLLECTOR_HOLE_SHARE, frozenCyclicShare), counters,
                profile, PageSize.SMALL_4K);
        Master master = Master.prepare(image, profile, policy);
        return Worker.fork(master, new RequestProfile(0.01, touched, 0, 701, 0, 0, 0), COSTS);
    }

    private static GcPolicy policy(GcMode mode, boolean freeze, ExitMode exit, long enableAfter, long explicit) {
        return new GcPolicy("p", mode, null, freeze, false, false, exit, enableAfter, explicit);
    }

    /** Gen 2 already over its threshold; pending 299 + 701 (the 12th collection is gen 1) reaches 4000 / 4. */
    private static InheritedGcState firstFullAtRequest13() {
        return new InheritedGcState(0, 0, 10, 4000, 299);
    }

    @Test
    void fullCollectionCopiesExactlyTheCleanTrackedUnfrozenPages() {
        // 1,000 frozen tracked objects take 100 of the 400 tracked pages; 300 pages are collectable.
        // Hot pages: 10 frozen, 30 collectable, 60 untracked; H = 10*26 + 30*26 + 60*16 = 2,000.
        Worker w = fork(PY36, GcPolicy.defaults("default"), 1000, firstFullAtRequest13(), 0.10, 2000);
        assertEquals(2000, w.master().image().hotObjects());
        w.serve(12, new Well19937c(1));
        assertEquals(100, w.copiedPages(CopySource.REFCOUNT));
        assertEquals(0, w.copiedPages(CopySource.GC));
        assertEquals(0, w.fullCollections());
        assertEquals(1, w.requestsUntilNextFullCollection());
        w.serve(1, new Well19937c(2));
        assertEquals(1, w.fullCollections());
        assertEquals(300 - 30, w.copiedPages(CopySource.GC), "collectable tracked pages not already copied");
        assertEquals((1000 - 100 - 270) * 4096L, w.sharedBytes());
    }

    @Test
    void freezeMakesTheFullCollectionCopyNothing() {
        InterpreterProfile py37 = InterpreterProfile.forVersion(PythonVersion.parse("3.7"));
        Worker w = fork(py37, policy(GcMode.ENABLED, true, ExitMode.NORMAL, 0, 0), 0, firstFullAtRequest13(), 0.10, 2000);
        // gc.freeze() zeroed count2 too: the first full collection waits for 11 generation-1 collections
        w.serve(300, new Well19937c(3));
        assertTrue(w.fullCollections() >= 1, "the collection still runs: " + w.fullCollections());
        assertEquals(0, w.copiedPages(CopySource.GC));
        assertEquals(100, w.copiedPages(CopySource.REFCOUNT));
    }

    @Test
    void youngCollectionCopiesThePagesOfTheMastersGeneration0() {
        // count0 = 350 inherited: 350 of 4,000 tracked objects are young, on 35 of the 400 tracked pages.
        // The first request triggers at its 351st allocation; gen 2 is far from its threshold.
        Worker w = fork(PY36, GcPolicy.defaults("default"), 0, new InheritedGcState(350, 0, 0, 4000, 0), 0, 0);
        assertEquals(1, w.requestsUntilPageEvent());
        w.serve(1, new Well19937c(4));
        assertEquals(1, w.youngCollections());
        assertEquals(35, w.copiedPages(CopySource.GC));
    }

    @Test
    void threshold0StopsAutomaticCollectionEvenAfterTheLibrarysGcEnable() {
        Worker disabled = fork(PY36, policy(GcMode.DISABLED, false, ExitMode.NORMAL, 5, 0), 0,
                firstFullAtRequest13(), 0, 0);
        assertEquals(5, disabled.requestsUntilGcReenabled());
        disabled.serve(1000, new Well19937c(5));
        assertEquals(995, disabled.youngCollections() + disabled.fullCollections(), "one per request after gc.enable()");
        assertEquals(300 + 100, disabled.copiedPages(CopySource.GC));

        Worker threshold0 = fork(PY36, policy(GcMode.THRESHOLD0, false, ExitMode.NORMAL, 5, 0), 0,
                firstFullAtRequest13(), 0, 0);
        assertEquals(Long.MAX_VALUE, threshold0.requestsUntilGcReenabled());
        threshold0.serve(1000, new Well19937c(6));
        assertEquals(0, threshold0.youngCollections());
        assertEquals(0, threshold0.fullCollections());
        assertEquals(Long.MAX_VALUE, threshold0.requestsUntilNextFullCollection());
        assertEquals(0, threshold0.copiedPages(CopySource.GC));
    }

    @Test
    void threshold0StillRunsExplicitCollections() {
        Worker w = fork(PY36, policy(GcMode.THRESHOLD0, false, ExitMode.NORMAL, 0, 50), 0, firstFullAtRequest13(), 0, 0);
        assertEquals(50, w.requestsUntilNextFullCollection());
        w.serve(1000, new Well19937c(7));
        assertEquals(20, w.fullCollections());
        assertEquals(0, w.youngCollections());
        assertEquals(400, w.copiedPages(CopySource.GC));
    }

    @Test
    void osExitCopiesNothingWhileANormalExitCopiesWhatTeardownFrees() {
        Worker quick = fork(PY36, policy(GcMode.THRESHOLD0, false, ExitMode.OS_EXIT, 0, 0), 1000,
                firstFullAtRequest13(), 0.10, 2000);
        quick.serve(20, new Well19937c(8));
        assertEquals(ShutdownOutcome.IMMEDIATE, quick.exit(ExitKind.NORMAL, new Well19937c(9)));
        assertEquals(0, quick.copiedPages(CopySource.SHUTDOWN));

        Worker normal = fork(PY36, policy(GcMode.THRESHOLD0, false, ExitMode.NORMAL, 0, 0), 1000,
                firstFullAtRequest13(), 0.10, 2000);
        normal.serve(20, new Well19937c(10));
        ShutdownOutcome out = normal.exit(ExitKind.NORMAL, new Well19937c(11));
        // every page but the 100 hot ones, frozen pages included (no frozen cycles: teardown frees them all)
        assertEquals(900, out.pagesCopied());
        assertEquals(900, normal.copiedPages(CopySource.SHUTDOWN));
        assertEquals(0, normal.sharedBytes());
        // 900 faults x 20 us + 2 final collections on 3.6 (gc enabled under threshold0) x 3,000
        // collectable objects x 20 ns + 20,000 objects freed x 60 ns
        double cpu = 900 * 20e-6 + 2 * 3000 * 20e-9 + 20_000 * 60e-9;
        assertEquals(cpu, out.cpuSeconds(), 1e-12);
        assertEquals(cpu, out.durationSeconds(), 1e-12);
        assertEquals(cpu, normal.cpuSeconds(CpuUse.SHUTDOWN), 1e-12);

        Worker killed = fork(PY36, GcPolicy.defaults("default"), 0, firstFullAtRequest13(), 0.10, 2000);
        killed.serve(5, new Well19937c(12));
        assertEquals(ShutdownOutcome.IMMEDIATE, killed.exit(ExitKind.SIGKILL, new Well19937c(13)));
    }

    @Test
    void teardownLeavesThePagesOfFrozenCyclesClean() {
        InterpreterProfile py37 = InterpreterProfile.forVersion(PythonVersion.parse("3.7"));
        GcPolicy freeze = policy(GcMode.ENABLED, true, ExitMode.NORMAL, 0, 0);
        // everything frozen and all of it cyclic: teardown frees nothing inherited; the 100 hot
        // pages were copied by refcount, the other 900 stay shared
        Worker allCyclic = fork(py37, freeze, 0, firstFullAtRequest13(), 0.10, 2000, 1.0);
        allCyclic.serve(20, new Well19937c(20));
        assertEquals(0, allCyclic.exit(ExitKind.NORMAL, new Well19937c(21)).pagesCopied());
        assertEquals(900L * 4096, allCyclic.sharedBytes());

        // no cycles: every clean page is freed and copied
        Worker acyclic = fork(py37, freeze, 0, firstFullAtRequest13(), 0.10, 2000, 0);
        acyclic.serve(20, new Well19937c(22));
        assertEquals(900, acyclic.exit(ExitKind.NORMAL, new Well19937c(23)).pagesCopied());

        // 1,000 of 4,000 tracked objects frozen (100 pages, 90 clean), share 0.45, threshold0: the
        // frozen pages stay clean with 0.45, untracked ones (540 clean) with 0.45 x 1/4, tracked
        // unfrozen ones (270 clean) never: E[copied] = 900 - 40.5 - 60.75 = 798.75, sd 8.7 per exit
        SummaryStatistics copied = new SummaryStatistics();
        for (int seed = 0; seed < 200; seed++) {
            Worker w = fork(PY36, policy(GcMode.THRESHOLD0, false, ExitMode.NORMAL, 0, 0), 1000,
                    firstFullAtRequest13(), 0.10, 2000, 0.45);
            w.serve(20, new Well19937c(100 + seed));
            copied.addValue(w.exit(ExitKind.NORMAL, new Well19937c(500 + seed)).pagesCopied());
        }
        assertEquals(798.75, copied.getMean(), 3);
    }

    @Test
    void immortalObjectsAreNotWrittenAtTeardown() {
        InterpreterProfile py312 = InterpreterProfile.forVersion(PythonVersion.parse("3.12"));
        Worker w = fork(py312, new GcPolicy("imm", GcMode.ENABLED, null, true, false, true, ExitMode.NORMAL, 0, 0), 0,
                firstFullAtRequest13(), 0.10, 2000);
        w.serve(100, new Well19937c(14));
        assertEquals(0, w.copiedPages(CopySource.REFCOUNT));
        assertEquals(0, w.exit(ExitKind.NORMAL, new Well19937c(15)).pagesCopied());
        assertEquals(1000L * 4096, w.sharedBytes());
    }

    @Test
    void inheritedLongLivedCountersDecideTheFirstFullCollection() {
        // one gen-1 collection every 12 requests (11 gen-0 collections first), adding 701 survivors
        assertEquals(13, fork(PY36, GcPolicy.defaults("d"), 0, new InheritedGcState(0, 0, 10, 4000, 299), 0, 0)
                .requestsUntilNextFullCollection());
        // one survivor short: the rule skips gen 2 until the next gen-1 collection (request 24)
        assertEquals(25, fork(PY36, GcPolicy.defaults("d"), 0, new InheritedGcState(0, 0, 10, 4000, 298), 0, 0)
                .requestsUntilNextFullCollection());
        // count2 at 0: gen 2 needs count2 > 10, i.e. 11 gen-1 collections (request 132), then the next trigger
        assertEquals(133, fork(PY36, GcPolicy.defaults("d"), 0, new InheritedGcState(0, 0, 0, 4000, 4000), 0, 0)
                .requestsUntilNextFullCollection());
        // a master whose last full collection left 1e9 long-lived objects: pending must reach 250,000,000,
        // i.e. ceil(250e6 / 701) = 356,634 gen-1 collections, then one more trigger
        Worker suppressed = fork(PY36, GcPolicy.defaults("d"), 0, new InheritedGcState(0, 0, 10, 1_000_000_000L, 0), 0, 0);
        assertEquals(12L * 356_634 + 1, suppressed.requestsUntilNextFullCollection());
        suppressed.serve(12L * 356_634, new Well19937c(16));
        assertEquals(0, suppressed.fullCollections());
        assertEquals(12L * 356_634, suppressed.youngCollections());
        suppressed.serve(1, new Well19937c(17));
        assertEquals(1, suppressed.fullCollections());
    }
}
