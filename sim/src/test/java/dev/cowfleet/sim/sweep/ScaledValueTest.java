package dev.cowfleet.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.scenario.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaledValueTest {

    @Test
    void scalesTheNumberAndKeepsTheUnit() {
        assertEquals("200MiB", ScaledValue.scale("k", "250MiB", 0.8));
        assertEquals("300MiB", ScaledValue.scale("k", "250MiB", 1.2));
        assertEquals("48%", ScaledValue.scale("k", "60%", 0.8));
        assertEquals("0.88M", ScaledValue.scale("k", "1.1M", 0.8));
        assertEquals("840/s", ScaledValue.scale("k", "700/s", 1.2));
        assertEquals("32ms", ScaledValue.scale("k", "40ms", 0.8));
    }

    @Test
    void aBareWholeNumberStaysWhole() {
        assertEquals("56", ScaledValue.scale("host.workers", "70", 0.8));
        assertEquals("5", ScaledValue.scale("host.workers", "4", 1.2));
    }

    @Test
    void aValueWithoutANumberIsRejectedNamingTheKey() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScaledValue.scale("python", "auto", 0.8));
        assertTrue(e.getMessage().contains("'python'"), e.getMessage());
    }

    @Test
    void tornadoVariantsStartFromTheEffectiveValue() {
        List<Tornado.Variant> variants = Tornado.variants(Fixture.tiny(), 0.2,
                List.of("heap.measured.heapSize", "workload.requestsPerSecond"));
        assertEquals(new Tornado.Variant("heap.measured.heapSize", "32MiB", "48MiB"), variants.get(0));
        assertEquals(new Tornado.Variant("workload.requestsPerSecond", "32/s", "48/s"), variants.get(1));
        // An override is the effective value the tornado moves from.
        assertEquals(new Tornado.Variant("heap.measured.heapSize", "80MiB", "120MiB"),
                Tornado.variants(Fixture.tiny("heap.measured.heapSize=100MiB"), 0.2,
                        List.of("heap.measured.heapSize")).get(0));
    }

    @Test
    void anUnknownTornadoKeyIsRejectedNamingIt() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Tornado.variants(Fixture.tiny(), 0.2, List.of("heap.sizeOfHeap")));
        assertTrue(e.getMessage().contains("'heap.sizeOfHeap'"), e.getMessage());
    }
}
