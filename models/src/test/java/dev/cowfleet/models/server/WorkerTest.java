package dev.cowfleet.models.server;

import dev.cowfleet.models.gc.Collector;
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
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerTest {
    private static final InterpreterProfile PY36 = InterpreterProfile.forVersion(PythonVersion.parse("3.6"));
    private static final CostModel COSTS = new CostModel(20e-6, 20e-9, 60e-9, 12L << 20);
    private static final RequestProfile REQUEST = new RequestProfile(0.04, 2000, 5, 3000, 60, 200_000, 1000);

    private static Master master(GcMode mode, PageSize pageSize) {
        return master(new GcPolicy("p", mode, null, false, false, false, ExitMode.NORMAL, 0, 0), pageSize);
    }

    private static Master master(GcPolicy policy, PageSize pageSize) {
        long bytes = 250L << 20;
        MeasuredHeap heap = new MeasuredHeap(bytes, 26_000, 1_100_000, 2_600_000, 0, 0);
        HeapImage image = HeapImage.fromMeasured(heap, new HeapLayout(0.002, false, 0.005),
                new InheritedGcState(350, 9, 9, 900_000, 230_000), PY36, pageSize);
        return Master.prepare(image, PY36, policy);
    }

    @Test
    void cpuIsChargedPerRequestPerVisitedObjectAndPerFault() {
        WorkerPlan plan = WorkerPlan.of(master(GcMode.ENABLED, PageSize.SMALL_4K), REQUEST, COSTS);
        Worker w = Worker.fork(plan);
        w.serve(500, new Well19937c(1));
        assertEquals(500 * 0.04, w.cpuSeconds(CpuUse.REQUESTS), 1e-9);
        // collections depend on request counts only, so a lone collector serving the same batches
        // visits what the worker's did
        Collector twin = Collector.forPlan(plan.gcPlan());
        for (long left = 500; left > 0; ) {
            long step = Math.min(left, Math.min(twin.requestsUntilPageEvent(), twin.requestsUntilGcReenabled()));
            twin.advance(step);
            left -= step;
        }
        assertTrue(twin.visitedObjects() > 0);
        assertEquals(twin.visitedObjects() * 20e-9, w.cpuSeconds(CpuUse.GC), 1e-9);
        double faults = 0;
        for (CopySource s : CopySource.values()) {
            faults += w.copiedPages(s);
        }
        assertEquals(faults * 20e-6, w.cpuSeconds(CpuUse.COW_FAULTS), 1e-9);
        assertEquals(0, w.cpuSeconds(CpuUse.SHUTDOWN));
        assertTrue(w.cpuSeconds(CpuUse.GC) > 0);
    }

    @Test
    void privateMemoryIsCopiesBaselineAndOwnHeap() {
        Worker w = Worker.fork(master(GcMode.DISABLED, PageSize.SMALL_4K), REQUEST, COSTS);
        w.serve(10, new Well19937c(2));
        long copied = w.copiedPagesTotal() * w.master().pageBytes();
        // the request's peak (3,000 tracked objects and untracked ones in the heap's ratio) and ten
        // requests' garbage and growth, less what fits in the inherited free slots (counted as copies)
        double mean = w.master().image().meanObjectBytes();
        double peakSlots = 3000.0 * 2_600_000 / 1_100_000;
        assertEquals((peakSlots - w.master().freeSlots()) * mean + 10 * (200_000L + 1000), w.ownHeapBytes(), 1);
        assertEquals(copied + (12L << 20) + w.ownHeapBytes(), w.privateBytes());
        assertEquals(w.master().masterBytes() - copied, w.sharedBytes());
    }

    @Test
    void collectedGarbageKeepsItsPagesForReuse() {
        // threshold0 with gc.collect() every 20 requests: the collection at request 20 frees 20
        // requests' garbage, but pymalloc keeps the pools; the next 10 requests' garbage reuses them
        Worker w = Worker.fork(master(new GcPolicy("p", GcMode.THRESHOLD0, null, false, false, false,
                ExitMode.NORMAL, 0, 20), PageSize.SMALL_4K), REQUEST, COSTS);
        w.serve(19, new Well19937c(6));
        long before = w.ownHeapBytes();
        w.serve(1, new Well19937c(7));
        assertEquals(1, w.fullCollections());
        long afterCollect = w.ownHeapBytes();
        assertEquals(201_000, afterCollect - before, 1, "the collection gives nothing back");
        w.serve(10, new Well19937c(8));
        assertEquals(10 * 1000, w.ownHeapBytes() - afterCollect, 1, "only live growth needs new memory");
    }

    @Test
    void reloadOnRssMilestoneFollowsGrowth() {
        Worker w = Worker.fork(master(GcMode.DISABLED, PageSize.SMALL_4K), REQUEST, COSTS);
        w.serve(50, new Well19937c(3));
        long limit = w.privateBytes() + 100 * 201_000L - 1;
        long predicted = w.requestsUntilPrivateExceeds(limit);
        assertEquals(100, predicted, 2);
        w.serve(predicted, new Well19937c(4));
        assertTrue(w.privateBytes() > limit);
        assertEquals(0, w.requestsUntilPrivateExceeds(limit));

        Worker steady = Worker.fork(master(GcMode.ENABLED, PageSize.SMALL_4K),
                new RequestProfile(0.04, 2000, 5, 3000, 60, 200_000, 0), COSTS);
        steady.serve(1000, new Well19937c(5));
        assertEquals(Long.MAX_VALUE, steady.requestsUntilPrivateExceeds(steady.privateBytes() + (10L << 20)),
                "garbage is collected and nothing grows");
    }

    @Test
    void hugePagesCopyTwoMegabytesPerWrite() {
        Worker small = Worker.fork(master(GcMode.THRESHOLD0, PageSize.SMALL_4K), REQUEST, COSTS);
        Worker huge = Worker.fork(master(GcMode.THRESHOLD0, PageSize.HUGE_2M), REQUEST, COSTS);
        small.serve(100, new Well19937c(6));
        huge.serve(100, new Well19937c(7));
        long smallCopied = (250L << 20) - small.sharedBytes();
        long hugeCopied = (250L << 20) - huge.sharedBytes();
        assertTrue(smallCopied < (40L << 20), "4 KiB pages: the hot pages only, " + smallCopied);
        assertTrue(hugeCopied > (240L << 20), "2 MiB pages: nearly every page holds a hot object, " + hugeCopied);
        double hugeFaults = huge.copiedPages(CopySource.REFCOUNT) + huge.copiedPages(CopySource.ALLOCATOR)
                + huge.copiedPages(CopySource.MUTATION);
        assertEquals(hugeFaults * 512 * 20e-6, huge.cpuSeconds(CpuUse.COW_FAULTS), 1e-9, "a 2 MiB copy costs 512 faults");
    }

    @Test
    void anyNumberOfRequestsIsOneBatchOfDraws() {
        Worker w = Worker.fork(master(GcMode.THRESHOLD0, PageSize.SMALL_4K), REQUEST, COSTS);
        w.serve(1_000_000_000_000L, new Well19937c(8));
        assertEquals(1_000_000_000_000L, w.requestsServed());
        assertEquals(0, w.youngCollections());
        Worker gc = Worker.fork(master(GcMode.ENABLED, PageSize.SMALL_4K), REQUEST, COSTS);
        gc.serve(10_000_000L, new Well19937c(9));
        assertTrue(gc.fullCollections() > 1000);
    }

    @Test
    void anExitedWorkerServesNoMore() {
        Worker w = Worker.fork(master(GcMode.ENABLED, PageSize.SMALL_4K), REQUEST, COSTS);
        w.exit(ExitKind.SIGKILL, new Well19937c(10));
        assertThrows(IllegalStateException.class, () -> w.serve(1, new Well19937c(11)));
    }
}
