package dev.cowfleet.models.heap;

import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PythonVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapImageTest {
    private static final InterpreterProfile PY38 = InterpreterProfile.forVersion(PythonVersion.parse("3.8"));
    private static final InheritedGcState QUIET = new InheritedGcState(0, 0, 0, 0, 0);

    private static long pages(HeapImage image, Residence r) {
        return image.classes().stream().filter(c -> c.residence() == r).mapToLong(PageClass::pages).sum();
    }

    @Test
    void compositionIsSizedByPymallocSizeClasses() {
        // dict: 232 B + 16 B header = 248 -> 256 B slots, 15 per 4 KiB pool: 1,000 dicts on 67 pages, all tracked;
        // str: 64 B slots, 63 per pool: 1,000 strs on 16 pages, untracked.
        HeapImage image = HeapImage.fromComposition(List.of(new ObjectKind("dict", 1000, 232, true),
                new ObjectKind("str", 1000, 64, false)), new HeapLayout(0, false, 0), QUIET, PY38, PageSize.SMALL_4K);
        assertEquals(83, image.pages());
        assertEquals(83 * 4096L, image.heapBytes());
        assertEquals(67, image.measured().trackedPages());
        assertEquals(67, pages(image, Residence.OLD));
        assertEquals(1000, image.trackedObjects());
        assertEquals(2000, image.totalObjects());
    }

    @Test
    void scatteredHotObjectsReachManyMorePagesThanClustered() {
        MeasuredHeap heap = new MeasuredHeap(10_000L * 4096, 4000, 100_000, 400_000, 0, 0);
        HeapImage scattered = HeapImage.fromMeasured(heap, new HeapLayout(0.02, false, 0), QUIET, PY38, PageSize.SMALL_4K);
        HeapImage clustered = HeapImage.fromMeasured(heap, new HeapLayout(0.02, true, 0), QUIET, PY38, PageSize.SMALL_4K);
        long hotScattered = scattered.classes().stream().filter(c -> c.hotObjectsPerPage() > 0).mapToLong(PageClass::pages).sum();
        long hotClustered = clustered.classes().stream().filter(c -> c.hotObjectsPerPage() > 0).mapToLong(PageClass::pages).sum();
        // tracked pages hold 25 tracked + 30 untracked objects, the others 30: Poisson(1.1) and
        // Poisson(0.6) hot objects per page -> 4000 (1 - e^-1.1) + 6000 (1 - e^-0.6) pages hold one; packed -> 2%
        assertEquals(4000 * (1 - Math.exp(-1.1)) + 6000 * (1 - Math.exp(-0.6)), hotScattered, 3);
        assertEquals(200, hotClustered);
        assertEquals(8000, scattered.hotObjects(), 10);
        assertEquals(8000, clustered.hotObjects(), 10);
    }

    @Test
    void freeSlotsSitOnHalfEmptyPoolPages() {
        MeasuredHeap heap = new MeasuredHeap(10_000L * 4096, 4000, 100_000, 400_000, 0, 0);
        HeapImage image = HeapImage.fromMeasured(heap, new HeapLayout(0, false, 0.03), QUIET, PY38, PageSize.SMALL_4K);
        long holePages = image.classes().stream().filter(PageClass::hasHoles).mapToLong(PageClass::pages).sum();
        double slots = image.classes().stream().mapToDouble(c -> c.pages() * c.freeSlotsPerPage()).sum();
        assertEquals(600, holePages, 2);
        assertEquals(400_000 * 0.03 / 0.97, slots, 1);
    }

    @Test
    void youngGenerationsAndFrozenObjectsGetTheirOwnPages() {
        InterpreterProfile py37 = InterpreterProfile.forVersion(PythonVersion.parse("3.7"));
        MeasuredHeap heap = new MeasuredHeap(10_000L * 4096, 4000, 100_000, 400_000, 25_000, 0);
        // count1 = 2 -> 2 x 701 = 1,402 generation-1 objects; count0 = 598
        HeapImage image = HeapImage.fromMeasured(heap, new HeapLayout(0, false, 0), new InheritedGcState(598, 2, 0, 0, 0),
                py37, PageSize.SMALL_4K);
        assertEquals(1000, pages(image, Residence.FROZEN));
        assertEquals(24, pages(image, Residence.YOUNG0));
        assertEquals(56, pages(image, Residence.YOUNG1));
        assertEquals(4000 - 1000 - 24 - 56, pages(image, Residence.OLD));
        assertEquals(6000, pages(image, Residence.UNTRACKED));
    }

    @Test
    void hugePagesAggregateFiveHundredTwelveSmallOnes() {
        MeasuredHeap heap = new MeasuredHeap(250L << 20, 25_600, 1_100_000, 2_600_000, 0, 0);
        HeapImage image = HeapImage.fromMeasured(heap, new HeapLayout(0.002, false, 0.005), QUIET, PY38, PageSize.HUGE_2M);
        assertEquals(125, image.pages());
        assertEquals(2L << 20, image.pageBytes());
        assertTrue(pages(image, Residence.OLD) >= 124, "40% tracked small pages: nearly every huge page holds one");
        double hot = image.classes().stream().mapToDouble(c -> c.pages() * c.hotObjectsPerPage()).sum();
        assertEquals(5200, hot, 60);
    }
}
