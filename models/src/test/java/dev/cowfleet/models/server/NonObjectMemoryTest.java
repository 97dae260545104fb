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
import dev.cowfleet.models.runtime.ModelInputException;
import dev.cowfleet.models.runtime.PythonVersion;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.RequestProfile;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Anonymous memory that holds no Python object (empty pymalloc pools, the C heap): 1,000 heap
 * pages, 300 of them without objects. Collections and teardown write object pages only, so a
 * normal exit of a fresh worker copies the 700 object pages, not all 1,000, and a full collection
 * still copies exactly the 400 tracked pages.
 */
class NonObjectMemoryTest {
    private static final InterpreterProfile PY311 = InterpreterProfile.forVersion(PythonVersion.parse("3.11"));
    private static final CostModel COSTS = new CostModel(20e-6, 20e-9, 60e-9, 0);

    private static Worker fork(long nonObjectPages, GcPolicy policy) {
        MeasuredHeap measured = new MeasuredHeap(1000L * 4096, 400, 4000, 20_000, 0, 0, nonObjectPages * 4096);
        HeapImage image = HeapImage.fromMeasured(measured, new HeapLayout(0.01, false, 0, 0.5, 0),
                new InheritedGcState(0, 0, 0, 4000, 0), PY311, PageSize.SMALL_4K);
        return Worker.fork(Master.prepare(image, PY311, policy), new RequestProfile(0, 0, 0, 0, 0, 0, 0), COSTS);
    }

    @Test
    void normalExitCopiesObjectPagesOnly() {
        GcPolicy normal = GcPolicy.defaults("default");
        assertEquals(1000, fork(0, normal).exit(ExitKind.NORMAL, new Well19937c(1)).pagesCopied());
        assertEquals(700, fork(300, normal).exit(ExitKind.NORMAL, new Well19937c(1)).pagesCopied());
    }

    @Test
    void fullCollectionNeverWritesNonObjectPages() {
        GcPolicy collectFirst = new GcPolicy("c", GcMode.ENABLED, null, false, false, false, ExitMode.NORMAL, 0, 1);
        Worker worker = fork(300, collectFirst);
        worker.serve(1, new Well19937c(2));
        assertEquals(400, worker.copiedPages(CopySource.GC));
        assertEquals(1000 - 400, worker.sharedBytes() / 4096);
    }

    @Test
    void nonObjectMemoryMustLeaveRoomForTheObjects() {
        assertThrows(ModelInputException.class, () -> new MeasuredHeap(1000L * 4096, 400, 4000, 20_000, 0, 0, 1000L * 4096));
        assertThrows(ModelInputException.class, () -> new MeasuredHeap(1000L * 4096, 400, 4000, 20_000, 0, 0, 700L * 4096));
    }
}
