package dev.cowfleet.models.server;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.HeapLayout;
import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.heap.MeasuredHeap;
import dev.cowfleet.models.heap.ObjectKind;
import dev.cowfleet.models.heap.PageSize;
import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.GcThresholds;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.ModelInputException;
import dev.cowfleet.models.runtime.PythonVersion;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.DiurnalTraffic;
import dev.cowfleet.models.workload.RequestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Impossible inputs are rejected with a one-line message that names the input. */
class ImpossibleInputsTest {
    private static final InterpreterProfile PY36 = InterpreterProfile.forVersion(PythonVersion.parse("3.6"));

    private static void rejects(String input, Executable action) {
        ModelInputException e = assertThrows(ModelInputException.class, action);
        assertTrue(e.getMessage().contains(input), "message names " + input + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void heapFactsThatCannotBe() {
        rejects("heap.measured.trackedPages", () -> new MeasuredHeap(4096 * 10, 11, 100, 200, 0, 0));
        rejects("heap.measured.trackedObjects", () -> new MeasuredHeap(4096 * 10, 5, 300, 200, 0, 0));
        rejects("heap.measured.trackedPages", () -> new MeasuredHeap(4096 * 10, 8, 5, 200, 0, 0));
        rejects("heap.measured.heapSize", () -> new MeasuredHeap(-1, 0, 0, 0, 0, 0));
        rejects("heap.measured.frozenObjects", () -> new MeasuredHeap(4096 * 10, 5, 100, 200, 101, 0));
        rejects("heap.measured.mainObjects", () -> new MeasuredHeap(4096 * 10, 5, 100, 200, 0, 201));
        rejects("heap.measured.totalObjects", () -> new MeasuredHeap(4096 * 10, 5, 100, -2, 0, 0));
        rejects("heap.hotObjects", () -> new HeapLayout(1.5, false, 0));
        rejects("heap.freeSlots", () -> new HeapLayout(0.1, false, -0.1));
        rejects("heap.gcCounters.longLivedPending", () -> new InheritedGcState(0, 0, 0, 10, -1));
        rejects("heap.composition.kinds[dict].size", () -> new ObjectKind("dict", 10, -232, true));
        rejects("heap.composition.kinds", () -> HeapImage.fromComposition(List.of(), new HeapLayout(0, false, 0),
                new InheritedGcState(0, 0, 0, 0, 0), PY36, PageSize.SMALL_4K));
    }

    @Test
    void workloadsThatCannotBe() {
        rejects("workload.trackedSurvivors", () -> new RequestProfile(0.01, 1, 0, 10, 11, 0, 0));
        rejects("workload.cyclicGarbage", () -> new RequestProfile(0.01, 1, 0, 10, 1, -5, 0));
        rejects("workload.cpuPerRequest", () -> new RequestProfile(Double.NaN, 1, 0, 10, 1, 0, 0));
        rejects("costs.cowFault", () -> new CostModel(-1e-6, 0, 0, 0));
        rejects("workload.diurnal.peakToTrough", () -> new DiurnalTraffic(100, 0.5, 0));
        HeapImage image = HeapImage.fromMeasured(new MeasuredHeap(4096 * 100, 40, 400, 2000, 0, 0),
                new HeapLayout(0.01, false, 0), new InheritedGcState(0, 0, 0, 400, 0), PY36, PageSize.SMALL_4K);
        Master master = Master.prepare(image, PY36, GcPolicy.defaults("d"));
        rejects("workload.inheritedObjectsTouched", () -> Worker.fork(master,
                new RequestProfile(0.01, 5000, 0, 10, 1, 0, 0), CostModel.defaults()));
        rejects("workload.mutatedObjects", () -> Worker.fork(master,
                new RequestProfile(0.01, 1, 5000, 10, 1, 0, 0), CostModel.defaults()));
    }

    @Test
    void policiesTheVersionLacks() {
        HeapImage image = HeapImage.fromMeasured(new MeasuredHeap(4096 * 100, 40, 400, 2000, 0, 0),
                new HeapLayout(0.01, false, 0), new InheritedGcState(0, 0, 0, 400, 0), PY36, PageSize.SMALL_4K);
        GcPolicy freeze = new GcPolicy("freeze", GcMode.ENABLED, null, true, false, false, ExitMode.NORMAL, 0, 0);
        rejects("policy 'freeze': gc.freeze() needs Python 3.7+", () -> Master.prepare(image, PY36, freeze));
        InterpreterProfile py311 = InterpreterProfile.forVersion(PythonVersion.parse("3.11"));
        GcPolicy immortal = new GcPolicy("imm", GcMode.ENABLED, null, true, false, true, ExitMode.NORMAL, 0, 0);
        rejects("policy 'imm': immortal objects need Python 3.12+", () -> Master.prepare(image, py311, immortal));
        GcPolicy library = new GcPolicy("lib", GcMode.ENABLED, null, false, false, false, ExitMode.NORMAL, 100, 0);
        rejects("policy 'lib': a library calling gc.enable() only matters", () -> library.checkSupportedBy(PY36));
        GcPolicy huge = new GcPolicy("huge", GcMode.ENABLED, new GcThresholds(5_000_000, 10, 10), false, false, false,
                ExitMode.NORMAL, 0, 0);
        Master hugeMaster = Master.prepare(image, PY36, huge);
        rejects("thresholds", () -> Worker.fork(hugeMaster, new RequestProfile(0.01, 1, 0, 10, 1, 0, 0),
                CostModel.defaults()));
        rejects("policy 'neg': explicitCollectEvery",
                () -> new GcPolicy("neg", GcMode.ENABLED, null, false, false, false, ExitMode.NORMAL, 0, -1));
    }

    @Test
    void versionsAndThresholdsThatCannotBe() {
        rejects("python", () -> PythonVersion.parse("2.7"));
        rejects("python", () -> PythonVersion.parse("three"));
        rejects("python", () -> PythonVersion.parse("3.15"));
        rejects("thresholds", () -> new GcThresholds(-1, 10, 10));
    }
}
