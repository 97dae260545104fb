package dev.cowfleet.models.server;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.HeapLayout;
import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.heap.MeasuredHeap;
import dev.cowfleet.models.heap.PageClass;
import dev.cowfleet.models.heap.PageSize;
import dev.cowfleet.models.heap.Residence;
import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.PolicyRuleException;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PythonVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy's pre-fork steps, as CPython applies them in the master. */
class MasterTest {
    private static final InterpreterProfile PY312 = InterpreterProfile.forVersion(PythonVersion.parse("3.12"));
    private static final InheritedGcState COUNTERS = new InheritedGcState(350, 4, 7, 90_000, 20_000);

    private static HeapImage image() {
        return HeapImage.fromMeasured(new MeasuredHeap(10_000L * 4096, 4000, 100_000, 400_000, 0, 0),
                new HeapLayout(0.01, false, 0.03), COUNTERS, PY312, PageSize.SMALL_4K);
    }

    private static GcPolicy policy(boolean freeze, boolean disableEarly, boolean immortalize) {
        return new GcPolicy("p", GcMode.ENABLED, null, freeze, disableEarly, immortalize, ExitMode.NORMAL, 0, 0);
    }

    private static long pages(Master m, Residence r) {
        return m.classes().stream().filter(c -> c.residence() == r).mapToLong(PageClass::pages).sum();
    }

    private static long holePages(Master m) {
        return m.classes().stream().filter(PageClass::hasHoles).mapToLong(PageClass::pages).sum();
    }

    @Test
    void disablingEarlyIsPartOfTheFreezeRecipe() {
        PolicyRuleException e = assertThrows(PolicyRuleException.class,
                () -> Master.prepare(image(), PY312, policy(false, true, false)));
        assertEquals("disableEarly", e.key());
    }

    @Test
    void freezeMovesEveryTrackedPageToThePermanentGenerationAndZeroesEveryCount() {
        Master m = Master.prepare(image(), PY312, policy(true, false, false));
        assertEquals(4000, pages(m, Residence.FROZEN));
        assertEquals(0, m.collectableObjects());
        // gc_freeze_impl zeroes generations[i].count for all three (gc.get_count() reads (0, 0, 0) after
        // gc.freeze() on 3.7 to 3.13); the long-lived pair is untouched
        assertEquals(new InheritedGcState(0, 0, 0, 90_000, 20_000), m.inherited());
        assertEquals(10_000, m.pages());
    }

    @Test
    void disablingEarlyBeforeAFreezeLeavesFewerHoles() {
        Master plain = Master.prepare(image(), PY312, policy(true, false, false));
        Master early = Master.prepare(image(), PY312, policy(true, true, false));
        assertEquals(0, early.inherited().count0());
        assertEquals(4000, pages(early, Residence.FROZEN));
        assertEquals(holePages(plain) / 2.0, holePages(early), 20, "half the holes came from collections");
        assertEquals(plain.freeSlots() / 2, early.freeSlots(), plain.freeSlots() * 0.01);
        assertEquals(10_000, early.pages());
    }

    @Test
    void immortalizationCollectsFreezesAndMakesEveryPageImmortal() {
        Master m = Master.prepare(image(), PY312, policy(true, false, true));
        assertEquals(new InheritedGcState(0, 0, 0, 100_000, 0), m.inherited());
        assertTrue(m.classes().stream().allMatch(PageClass::immortal));
        assertEquals(4000, pages(m, Residence.FROZEN));
    }
}
