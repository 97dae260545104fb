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
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A fork in an exited worker's storage, and a copy in a spare copy's, must be indistinguishable
 * from a fresh allocation: served with the same draws, every figure agrees exactly. The storage
 * comes from workers that got far (sweeps advanced, classes pooled, a batch's first hits recorded),
 * so a field left behind by a reset or a copy would show.
 */
class StorageReuseTest {
    private static final InterpreterProfile PY311 = InterpreterProfile.forVersion(PythonVersion.parse("3.11"));
    private static final CostModel COSTS = new CostModel(20e-6, 20e-9, 60e-9, 12L << 20);
    private static final RequestProfile REQUEST = new RequestProfile(0.04, 3000, 5, 3000, 60, 20_480, 1024);
    private static final long[] BATCHES = {1, 2, 3, 40, 17, 600, 5, 600, 1200};

    private static WorkerPlan plan() {
        MeasuredHeap heap = new MeasuredHeap(250L << 20, 26_000, 1_100_000, 2_600_000, 0, 0);
        HeapImage image = HeapImage.fromMeasured(heap, new HeapLayout(0.0025, false, 0.005),
                new InheritedGcState(350, 9, 9, 900_000, 230_000), PY311, PageSize.SMALL_4K);
        GcPolicy policy = new GcPolicy("p", GcMode.ENABLED, null, false, false, false, ExitMode.NORMAL, 0, 0);
        return WorkerPlan.of(Master.prepare(image, PY311, policy), REQUEST, COSTS);
    }

    /** A worker of {@code plan} that has served far, so that every part of its state is in use. */
    private static Worker worn(WorkerPlan plan, int seed) {
        Worker w = Worker.fork(plan);
        Well19937c rng = new Well19937c(seed);
        for (long k : BATCHES) {
            w.serve(k, rng);
        }
        return w;
    }

    private static void assertServeAlike(Worker expected, Worker actual, int seed) {
        Well19937c a = new Well19937c(seed);
        Well19937c b = new Well19937c(seed);
        for (long k : BATCHES) {
            expected.serve(k, a);
            actual.serve(k, b);
            String at = "after " + expected.requestsServed() + " requests: ";
            assertArrayEquals(expected.cleanPagesByClass(), actual.cleanPagesByClass(), at + "clean pages");
            assertEquals(expected.privateBytes(), actual.privateBytes(), at + "private bytes");
            for (CopySource s : CopySource.values()) {
                assertEquals(expected.copiedPages(s), actual.copiedPages(s), at + s);
            }
            for (CpuUse use : CpuUse.values()) {
                assertEquals(expected.cpuSeconds(use), actual.cpuSeconds(use), at + use);
            }
        }
        ShutdownOutcome e = expected.exit(ExitKind.NORMAL, a);
        ShutdownOutcome o = actual.exit(ExitKind.NORMAL, b);
        assertEquals(e, o, "shutdown");
    }

    @Test
    void aForkInAnExitedWorkersStorageIsAFreshFork() {
        WorkerPlan plan = plan();
        Worker exited = worn(plan, 1);
        exited.exit(ExitKind.NORMAL, new Well19937c(2));
        assertServeAlike(Worker.fork(plan), Worker.fork(plan, exited), 3);
    }

    @Test
    void aCopyInASparesStorageIsACopy() {
        WorkerPlan plan = plan();
        Worker original = Worker.fork(plan);
        original.serve(2, new Well19937c(4));
        Worker spare = worn(plan, 5);
        assertServeAlike(original.copy(), original.copy(spare), 6);
    }

    /** A reading's spare is an earlier copy of the same worker: it shares what the worker derived once. */
    @Test
    void aCopyInTheStorageOfItsOwnEarlierCopyIsACopy() {
        WorkerPlan plan = plan();
        Worker original = Worker.fork(plan);
        Well19937c rng = new Well19937c(7);
        original.serve(1, rng);
        Worker spare = original.copy();
        for (long k : BATCHES) {
            spare.serve(k, rng);
        }
        original.serve(1, rng);
        assertServeAlike(original.copy(), original.copy(spare), 8);
    }

    /**
     * A write order keeps answers for the batch they were asked in; reused as it is by a copy's
     * spare or the next fork of a slot, the answers of the worker that had it must never pass for
     * the new worker's.
     */
    @Test
    void aWriteOrderInReusedStorageAnswersAsAFreshOne() {
        WorkerPlan plan = plan();
        WriteOrder fresh = new WriteOrder(plan);
        WriteOrder copied = wornOrder(plan);
        WriteOrder restarted = wornOrder(plan);
        for (long k : BATCHES) {
            double peakWeight = k == 1 ? 1.0 : 0.25;
            for (WriteOrder o : new WriteOrder[] {fresh, copied, restarted}) {
                begin(o, k, peakWeight);
            }
            for (int c = 0; c < plan.pages().length; c++) {
                double expected = fresh.allocatorFirst(CopySource.REFCOUNT, c);
                assertEquals(expected, copied.allocatorFirst(CopySource.REFCOUNT, c), "copy, batch of " + k + ", class " + c);
                assertEquals(expected, restarted.allocatorFirst(CopySource.REFCOUNT, c), "restart, batch of " + k + ", class " + c);
            }
        }
    }

    /** Starts a batch of {@code k} whose holes fill evenly after request 1's {@code peakWeight} of them. */
    private static void begin(WriteOrder order, long k, double peakWeight) {
        order.allocator.clear();
        order.allocator.spread(k, 0, 1.0, peakWeight);
    }

    /**
     * A write order after batches unlike {@link #BATCHES}, class c's answer last asked in batch
     * c mod 4: in storage that forgot it had been used, the next worker's first batches would meet them.
     */
    private static WriteOrder wornOrder(WorkerPlan plan) {
        WriteOrder order = new WriteOrder(plan);
        for (int b = 0; b < 4; b++) {
            begin(order, 7 + 11L * b, 0.5);
            for (int c = b; c < plan.pages().length; c += 4) {
                order.allocatorFirst(CopySource.MUTATION, c);
            }
        }
        return order;
    }

    @Test
    void aLiveWorkersStorageIsNotReused() {
        WorkerPlan plan = plan();
        Worker live = Worker.fork(plan);
        assertThrows(IllegalStateException.class, () -> Worker.fork(plan, live));
    }
}
